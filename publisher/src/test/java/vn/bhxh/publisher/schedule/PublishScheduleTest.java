package vn.bhxh.publisher.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.facebook.FacebookPageConnector;
import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.InMemoryTargetDirectory;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.delivery.TargetRateLimiter;
import vn.bhxh.publisher.feed.AppFeedChannel;
import vn.bhxh.publisher.feed.AppFeedConnector;
import vn.bhxh.publisher.feed.FeedFormat;
import vn.bhxh.publisher.feed.FeedRequest;
import vn.bhxh.publisher.feed.FeedResponse;
import vn.bhxh.publisher.feed.FeedService;
import vn.bhxh.publisher.feed.FeedSettings;
import vn.bhxh.publisher.feed.PublishedJobsFeedSource;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

/** The cms-facing API end to end on a real Elasticsearch, with the remote services on WireMock. */
class PublishScheduleTest {

    private static RemoteService remote;
    private final JobStore store = Fixtures.freshStore("schedule");
    private final PublishSchedule schedule = new PublishSchedule(store, Clock.systemUTC());
    private final List<String> adminMessages = new ArrayList<>();
    private final Target page = new Target("fb-bhxh", FacebookChannel.CHANNEL, "BHXH Việt Nam", remote.uri("/v24.0"), "1020",
            TargetCredentials.seal(Fixtures.CIPHER, "fb-bhxh", Map.of("page_access_token", "EAAB")), Duration.ZERO,
            List.of("admin-fb@bhxh.gov.vn"));
    private final Target feed = new Target("vssid-feed", AppFeedChannel.CHANNEL, "Ứng dụng VssID", null, null, null, Duration.ZERO, List.of());
    private final InMemoryTargetDirectory targets = Fixtures.directory(page, feed);

    @BeforeAll
    static void start() {
        remote = RemoteService.shared();
    }

    @AfterAll
    static void reset() {
        remote.server().resetAll();
    }

    private Scheduler scheduler() {
        TargetAdminNotifier notifier = (target, reason) -> adminMessages.add(target.adminContacts() + " " + reason);
        WebhookConnector webhook = new WebhookConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5));
        return new Scheduler(store, List.of(webhook, new AppFeedConnector(webhook),
                new FacebookPageConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5))),
                targets, Fixtures.CIPHER, new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
                new TargetRateLimiter(), notifier, Clock.systemUTC(),
                new SchedulerSettings("test", Duration.ofSeconds(30), 50, Duration.ofMillis(100), 2));
    }

    private static ChannelPayload payload(Target target, String audience) {
        return Fixtures.payload(target.channel(), target.id(), audience, "Tháng vận động BHXH toàn dân",
                "BHXH là trụ cột chính của hệ thống an sinh xã hội.", "Tháng 5", "https://baohiemxahoi.gov.vn/thang-5", List.of());
    }

    private ScheduleRequest request(String product, LocalDateTime at, Target... to) {
        List<ChannelPayload> payloads = new ArrayList<>();
        for (Target t : to) {
            payloads.add(payload(t, "3.1,4"));
        }
        return new ScheduleRequest("dot-thang-5-2026", "thang-5", product, "vi", "r7", at, null, payloads);
    }

    @Test
    void aTimeEnteredInVietnamIsStoredInUtcSchedulingTwiceGivesTheSameJobsAndTheCalendarShowsThem() {
        List<PublishJob> jobs = schedule.schedule(request("bang-ron-1", LocalDateTime.parse("2026-05-10T07:00"), page, feed));
        List<PublishJob> again = schedule.schedule(request("bang-ron-1", LocalDateTime.parse("2026-05-10T07:00"), page, feed));
        store.refresh();

        assertThat(jobs).hasSize(2).allSatisfy(j -> assertThat(j.dueAt()).isEqualTo(Instant.parse("2026-05-10T00:00:00Z")));
        assertThat(again).extracting(PublishJob::id).isEqualTo(jobs.stream().map(PublishJob::id).toList());
        assertThat(schedule.calendar(LocalDate.parse("2026-05-10"), LocalDate.parse("2026-05-10"), "thang-5")).hasSize(2);
        assertThat(schedule.calendar(LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-31"), null)).isEmpty();
        assertThat(schedule.release("dot-thang-5-2026")).extracting(PublishJob::targetId).containsExactlyInAnyOrder("fb-bhxh", "vssid-feed");
    }

    @Test
    void withdrawingBeforeTheTimeCancelsAndAChangedVariantHoldsThePendingJobsVisibly() {
        schedule.schedule(request("to-roi-rut", LocalDateTime.now(PublishSchedule.VIETNAM).plusDays(3), page));
        schedule.schedule(request("to-roi-sua", LocalDateTime.now(PublishSchedule.VIETNAM).plusDays(3), page));
        store.refresh();

        List<PublishJob> cancelled = schedule.cancelProduct("to-roi-rut", "Lãnh đạo rút lại sản phẩm");
        List<PublishJob> held = schedule.holdOutdated("to-roi-sua", "vi", "r8", "Bản dịch đã thay đổi, cần duyệt lại");

        assertThat(cancelled).singleElement().satisfies(j -> {
            assertThat(j.state()).isEqualTo(JobState.CANCELLED);
            assertThat(j.reason()).isEqualTo("Lãnh đạo rút lại sản phẩm");
        });
        assertThat(held).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.HELD));
        assertThat(schedule.retry(held.getFirst().id())).map(PublishJob::state).contains(JobState.PENDING);
    }

    @Test
    void holdingOrCancellingOneLanguageLeavesTheOtherLanguagesJobsAlone() {
        LocalDateTime later = LocalDateTime.now(PublishSchedule.VIETNAM).plusDays(2);
        PublishJob vietnamese = schedule.schedule(request("to-gap-hai-ngu", later, page)).getFirst();
        PublishJob khmer = schedule.schedule(new ScheduleRequest(null, null, "to-gap-hai-ngu", "km", "r2", later, null,
                List.of(payload(page, "3.1")))).getFirst();
        store.refresh();

        assertThat(schedule.holdVariant("to-gap-hai-ngu", "km", "Bản tiếng Việt đã sửa")).extracting(PublishJob::id)
                .containsExactly(khmer.id());
        assertThat(schedule.cancelVariant("to-gap-hai-ngu", "km", "Rút bản tiếng Khmer")).extracting(PublishJob::id)
                .containsExactly(khmer.id());
        assertThat(schedule.ofProduct("to-gap-hai-ngu")).extracting(PublishJob::language, PublishJob::state)
                .containsExactlyInAnyOrder(Tuple.tuple("vi", JobState.PENDING),
                        Tuple.tuple("km", JobState.CANCELLED));
        assertThat(schedule.job(vietnamese.id())).map(PublishJob::state).contains(JobState.PENDING);
    }

    @Test
    void anExpiredPageTokenPausesTheTargetTellsItsAdminsAndResumingSendsTheJobOnce() throws Exception {
        remote.server().stubFor(post("/v24.0/1020/feed").inScenario("token").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"Error validating access token: "
                        + "The session has been invalidated because the user changed their password.\",\"type\":\"OAuthException\","
                        + "\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"A1\"}}")));
        List<PublishJob> jobs = schedule.schedule(request("khau-hieu-2", LocalDateTime.now(PublishSchedule.VIETNAM).minusMinutes(1), page));
        store.refresh();

        try (Scheduler scheduler = scheduler()) {
            scheduler.runOnce();
            PublishJob paused = store.get(jobs.getFirst().id()).orElseThrow().job();
            assertThat(paused.state()).isEqualTo(JobState.PAUSED_TARGET);
            // People read what to do; the Graph API's own answer stays in the delivery log.
            assertThat(paused.reason()).startsWith("Mã truy cập Trang Facebook đã hết hạn").doesNotContain("{", "190");
            assertThat(paused.lastAttempt().answer()).contains("\"code\":190", "\"error_subcode\":460");
            assertThat(targets.paused("fb-bhxh")).isTrue();
            assertThat(adminMessages).singleElement().asString().contains("admin-fb@bhxh.gov.vn", "mã truy cập Trang mới");

            remote.server().stubFor(post("/v24.0/1020/feed").willReturn(okJson("{\"id\":\"1020_77\"}")));
            targets.resume("fb-bhxh");
            assertThat(schedule.resumeTarget("fb-bhxh")).hasSize(1);
            store.refresh();
            scheduler.runOnce();
        }

        PublishJob done = store.get(jobs.getFirst().id()).orElseThrow().job();
        assertThat(done.state()).isEqualTo(JobState.DELIVERED);
        assertThat(done.remoteId()).isEqualTo("1020_77");
        assertThat(done.deliveryLog()).extracting(a -> a.outcome()).containsExactly("TOKEN_REJECTED", "DELIVERED");
        remote.server().verify(2, postRequestedFor(urlEqualTo("/v24.0/1020/feed")));
    }

    @Test
    void aDeliveredAppFeedJobAppearsInTheFeedForItsAudiences() throws Exception {
        schedule.schedule(request("thong-bao-vssid", LocalDateTime.now(PublishSchedule.VIETNAM).minusMinutes(1), feed));
        store.refresh();
        try (Scheduler scheduler = scheduler()) {
            assertThat(scheduler.runOnce()).isEqualTo(1);
        }
        store.refresh();
        FeedService feeds = new FeedService(new PublishedJobsFeedSource(store, 500),
                FeedSettings.defaults("https://cms.example/api/feeds"), Clock.systemUTC());
        feeds.refresh();

        FeedResponse students = feeds.answer(new FeedRequest("vi", "4", FeedFormat.JSON_FEED, null, null, null));
        FeedResponse employers = feeds.answer(new FeedRequest("vi", "2", FeedFormat.JSON_FEED, null, null, null));

        assertThat(Json.mapper().readTree(students.body()).findValuesAsString("id")).containsExactly("thong-bao-vssid-vi");
        assertThat(Json.mapper().readTree(employers.body()).path("items")).isEmpty();
    }
}
