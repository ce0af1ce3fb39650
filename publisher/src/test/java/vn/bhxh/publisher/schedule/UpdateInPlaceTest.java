package vn.bhxh.publisher.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.facebook.FacebookPageConnector;
import vn.bhxh.publisher.connector.zalo.ZaloChannel;
import vn.bhxh.publisher.connector.zalo.ZaloOaConnector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.InMemoryTargetDirectory;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.delivery.TargetRateLimiter;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

/**
 * A new revision of a variant already on a Facebook Page or a Zalo OA, through the scheduler and the job store: the earlier
 * job ends with a line saying what became of its post, or the new one is listed for a person. Services on WireMock,
 * answering as they document.
 */
class UpdateInPlaceTest {

    private static final String PAGE = "1020";
    private static final String OA = "579745863508352884";
    private static RemoteService remote;
    private final JobStore store = Fixtures.freshStore("update-in-place");
    private final List<String> toldToUpdate = new CopyOnWriteArrayList<>();
    private final TargetAdminNotifier notifier = new TargetAdminNotifier() {
        @Override
        public void targetPaused(Target target, String reason) {
        }

        @Override
        public void updateByHand(Target target, String jobId, String detail) {
            toldToUpdate.add(target.id() + " " + jobId + ": " + detail);
        }
    };

    @BeforeAll
    static void start() {
        remote = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        remote.server().resetAll();
    }

    private Scheduler scheduler(InMemoryTargetDirectory targets) {
        Duration timeout = Duration.ofSeconds(5);
        return new Scheduler(store, List.of(new FacebookPageConnector(Http.defaultClient(), Clock.systemUTC(), timeout),
                new ZaloOaConnector(Http.defaultClient(), Clock.systemUTC(), timeout, remote.uri("/v4/oa/access_token"))),
                targets, Fixtures.CIPHER, RetryPolicy.defaults(), new TargetRateLimiter(), notifier, Clock.systemUTC(),
                new SchedulerSettings("update-" + UUID.randomUUID(), Duration.ofSeconds(60), 50, Duration.ofMillis(100), 4));
    }

    private static PublishJob revision(Target target, String product, String revision, String text, List<MediaRef> media) {
        ChannelPayload payload = Fixtures.payload(target.channel(), target.id(), "3.1", "Infographic BHXH tự nguyện", text,
                "BHXH tự nguyện", "https://baohiemxahoi.gov.vn/p/abc", media);
        return PublishJob.pending(PublishSchedule.idempotencyKey(product, "vi", revision, target.id()))
                .release("dot-thang-5", "thang-5").variant(product, "vi", revision).payload(payload)
                .due(Instant.now().minusSeconds(1), null).createdAt(Instant.now());
    }

    private void deliver(Scheduler scheduler, PublishJob job) {
        store.create(job);
        store.refresh();
        scheduler.runOnce();
        store.refresh();
    }

    private PublishJob stored(PublishJob job) {
        return store.get(job.id()).orElseThrow().job();
    }

    @Test
    void aFacebookPhotoPostWhoseImageChangedIsReplacedTheEarlierJobSaysSoAndTheNewOneKeepsTheLinePeopleRead() {
        Target page = new Target("fb-update", FacebookChannel.CHANNEL, "Trang BHXH", remote.uri("/v24.0"), PAGE,
                TargetCredentials.seal(Fixtures.CIPHER, "fb-update", Map.of("page_access_token", "EAAB")), Duration.ZERO, List.of());
        remote.server().stubFor(post("/v24.0/" + PAGE + "/photos").withRequestBody(containing("anh-1.jpg"))
                .willReturn(okJson("{\"id\":\"11\",\"post_id\":\"" + PAGE + "_12\"}")));
        remote.server().stubFor(post("/v24.0/" + PAGE + "/photos").withRequestBody(containing("anh-2.jpg"))
                .willReturn(okJson("{\"id\":\"21\",\"post_id\":\"" + PAGE + "_22\"}")));
        remote.server().stubFor(delete("/v24.0/" + PAGE + "_12").willReturn(okJson("{\"success\":true}")));
        PublishJob first = revision(page, "sp-fb", "r1", "Bản đầu.",
                List.of(new MediaRef("https://cdn.example/anh-1.jpg", "anh-1.jpg", "image/jpeg")));
        PublishJob second = revision(page, "sp-fb", "r2", "Bản sửa số liệu.",
                List.of(new MediaRef("https://cdn.example/anh-2.jpg", "anh-2.jpg", "image/jpeg")));

        try (Scheduler scheduler = scheduler(Fixtures.directory(page))) {
            deliver(scheduler, first);
            deliver(scheduler, second);
        }

        PublishJob earlier = stored(first);
        PublishJob current = stored(second);
        assertThat(current.state()).isEqualTo(JobState.DELIVERED);
        assertThat(current.remoteId()).isEqualTo(PAGE + "_22");
        assertThat(current.reason()).isNull();
        assertThat(current.lastAttempt().detail()).startsWith("Facebook không cho đổi ảnh, video hay liên kết của bài đã đăng");
        assertThat(earlier.state()).isEqualTo(JobState.CANCELLED);
        assertThat(earlier.deliveryLog()).extracting(DeliveryAttempt::outcome).containsExactly("DELIVERED", "REPLACED");
        assertThat(earlier.deliveryLog()).extracting(DeliveryAttempt::number).containsExactly(1, 2);
        assertThat(earlier.lastAttempt().detail()).isEqualTo("Bài đã được gỡ và thay bằng bài mới của bản sửa r2.");
        remote.server().verify(1, deleteRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_12")));
        assertThat(toldToUpdate).isEmpty();
    }

    @Test
    void aFacebookTextEditKeepsThePostAndEndsTheEarlierJobAsUpdated() {
        Target page = new Target("fb-edit", FacebookChannel.CHANNEL, "Trang BHXH", remote.uri("/v24.0"), PAGE,
                TargetCredentials.seal(Fixtures.CIPHER, "fb-edit", Map.of("page_access_token", "EAAB")), Duration.ZERO, List.of());
        remote.server().stubFor(post("/v24.0/" + PAGE + "/feed").willReturn(okJson("{\"id\":\"" + PAGE + "_31\"}")));
        remote.server().stubFor(post("/v24.0/" + PAGE + "_31").willReturn(okJson("{\"success\":true}")));
        PublishJob first = revision(page, "sp-fb-text", "r1", "Khẩu hiệu bản đầu.", List.of());
        PublishJob second = revision(page, "sp-fb-text", "r2", "Khẩu hiệu bản sửa.", List.of());

        try (Scheduler scheduler = scheduler(Fixtures.directory(page))) {
            deliver(scheduler, first);
            deliver(scheduler, second);
        }

        assertThat(stored(second).remoteId()).isEqualTo(PAGE + "_31");
        assertThat(stored(second).lastAttempt().detail()).isNull();
        assertThat(stored(first).state()).isEqualTo(JobState.CANCELLED);
        assertThat(stored(first).lastAttempt().detail()).isEqualTo("Bài đã được cập nhật bằng bản sửa r2.");
        remote.server().verify(1, postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/feed")));
        remote.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_31"))
                .withRequestBody(containing("b%E1%BA%A3n+s%E1%BB%ADa")));
    }

    @Test
    void aZaloArticleZaloWillNotUpdateStaysAsItWasAndTheNewRevisionIsListedForAPerson() {
        Target oa = new Target("zalo-update", ZaloChannel.CHANNEL, "Zalo OA BHXH", remote.uri(""), OA,
                TargetCredentials.seal(Fixtures.CIPHER, "zalo-update", Map.of("access_token", "a", "refresh_token", "r",
                        "app_id", "1", "secret_key", "s")), Duration.ZERO, List.of("quantri-zalo"));
        remote.server().stubFor(post("/v2.0/article/create").willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"token\":\"t1\"}}")));
        remote.server().stubFor(post("/v2.0/article/verify").willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"id\":\"art-5\"}}")));
        remote.server().stubFor(post("/v2.0/article/update").willReturn(okJson("{\"error\":-201,\"message\":\"Parameters are invalid\"}")));
        PublishJob first = revision(oa, "sp-zalo", "r1", "Bản đầu.", List.of());
        PublishJob second = revision(oa, "sp-zalo", "r2", "Bản sửa.", List.of());

        try (Scheduler scheduler = scheduler(Fixtures.directory(oa))) {
            deliver(scheduler, first);
            deliver(scheduler, second);
        }

        PublishJob earlier = stored(first);
        PublishJob current = stored(second);
        assertThat(earlier.state()).isEqualTo(JobState.DELIVERED);
        assertThat(earlier.remoteId()).isEqualTo("art-5");
        assertThat(current.state()).isEqualTo(JobState.FAILED);
        assertThat(current.lastAttempt().outcome()).isEqualTo(DeliveryAttempt.UPDATE_BY_HAND);
        assertThat(current.reason()).contains("Hãy sửa bài tại https://zalo.me/" + OA + "/article/art-5 theo bản r2")
                .doesNotContain("Parameters are invalid");
        assertThat(current.lastAttempt().answer()).contains("Parameters are invalid");
        assertThat(toldToUpdate).containsExactly("zalo-update " + second.id() + ": " + current.reason());
        remote.server().verify(1, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }
}
