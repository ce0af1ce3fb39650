package vn.bhxh.publisher.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.facebook.FacebookPageConnector;
import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

/** Withdrawing a product and missed schedules, on a real Elasticsearch with the services on WireMock. */
class WithdrawalTest {

    private static RemoteService remote;
    private final JobStore store = Fixtures.freshStore("withdraw");

    @BeforeAll
    static void start() {
        remote = RemoteService.shared();
    }

    @AfterAll
    static void reset() {
        remote.server().resetAll();
    }

    private static PublishJob delivered(PublishJob job, String remoteId, String remoteUrl) {
        Instant t = job.dueAt();
        PublishJob claimed = job.claimedBy("a", t, t.plusSeconds(60));
        return claimed.finished(JobState.DELIVERED, t, new DeliveryAttempt(1, "a", t, t, "DELIVERED", "POST", 200, remoteId,
                remoteUrl, null), remoteId, remoteUrl, null, t);
    }

    @Test
    void withdrawingRemovesWhatTheServicesAllowCancelsWhatIsPendingAndListsTheRestForAPerson() {
        Target page = new Target("fb-bhxh", FacebookChannel.CHANNEL, "BHXH Việt Nam", remote.uri("/v24.0"), "1020",
                TargetCredentials.seal(Fixtures.CIPHER, "fb-bhxh", Map.of("page_access_token", "EAAB")), Duration.ZERO, List.of());
        Target portal = Fixtures.webhookTarget("cong-tinh", remote.uri("/hook"), "s");
        Target laterPortal = Fixtures.webhookTarget("cong-tinh-2", remote.uri("/hook2"), "s");
        remote.server().stubFor(delete("/v24.0/1020_5").willReturn(okJson("{\"success\":true}")));
        remote.server().stubFor(delete(urlPathMatching("/hook/.*")).willReturn(aResponse().withStatus(405)));
        Instant past = Instant.now().minusSeconds(3600);
        PublishJob onPage = delivered(Fixtures.job("to-roi-sai", page, past), "1020_5", "https://facebook.com/1020_5");
        PublishJob onPortal = delivered(Fixtures.job("to-roi-sai", portal, past), "77", "https://portal/77");
        PublishJob pending = Fixtures.job("to-roi-sai", laterPortal, Instant.now().plusSeconds(3600));
        store.createAll(List.of(onPage, onPortal, pending));
        Withdrawal withdrawal = new Withdrawal(store, List.of(
                new FacebookPageConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5)),
                new WebhookConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5))),
                Fixtures.directory(page, portal, laterPortal), Fixtures.CIPHER, Clock.systemUTC());

        Withdrawal.Report report = withdrawal.withdraw("to-roi-sai", "Sai mức đóng BHXH tự nguyện");

        assertThat(report.removed()).singleElement().satisfies(j -> {
            assertThat(j.targetId()).isEqualTo("fb-bhxh");
            assertThat(j.state()).isEqualTo(JobState.CANCELLED);
            assertThat(j.deliveryLog()).extracting(DeliveryAttempt::outcome).containsExactly("DELIVERED", "REMOVED");
        });
        assertThat(report.manual()).singleElement().satisfies(m -> {
            assertThat(m.job().targetId()).isEqualTo("cong-tinh");
            assertThat(m.why()).contains("https://portal/77", "405");
        });
        assertThat(report.cancelled()).extracting(PublishJob::targetId).containsExactly("cong-tinh-2");
        assertThat(store.get(onPortal.id()).orElseThrow().job().state()).isEqualTo(JobState.DELIVERED);
        remote.server().verify(deleteRequestedFor(urlEqualTo("/v24.0/1020_5")));
    }

    @Test
    void aJobNotDeliveredWithinTheGraceTimeIsReportedAndItsAdminsAreToldOnce() {
        Target portal = Fixtures.webhookTarget("cong-tinh-ha-giang", remote.uri("/hook"), "s");
        store.createAll(List.of(Fixtures.job("qua-han", portal, Instant.now().minus(Duration.ofMinutes(40))),
                Fixtures.job("con-som", portal, Instant.now().minus(Duration.ofMinutes(5)))));
        store.refresh();
        List<String> told = new ArrayList<>();
        MissedSchedules missed = new MissedSchedules(new PublishSchedule(store, Clock.systemUTC()), Fixtures.directory(portal),
                new TargetAdminNotifier() {
                    @Override
                    public void targetPaused(Target target, String reason) {
                    }

                    @Override
                    public void deliveryOverdue(Target target, String jobId, String detail) {
                        told.add(target.adminContacts() + " " + detail);
                    }
                }, Duration.ofMinutes(15));

        List<PublishJob> first = missed.check();
        missed.check();

        assertThat(first).extracting(PublishJob::productId).containsExactly("qua-han");
        assertThat(missed.lastCount()).isEqualTo(1);
        assertThat(told).singleElement().asString().contains("admin@cong-tinh-ha-giang", "qua-han", "15 phút");
    }

    @Test
    void aPostWhoseUnpublishTimeHasComeIsRemovedOnceEvenWithTwoInstances() {
        Target page = new Target("fb-bhxh", FacebookChannel.CHANNEL, "BHXH Việt Nam", remote.uri("/v24.0"), "1020",
                TargetCredentials.seal(Fixtures.CIPHER, "fb-bhxh", Map.of("page_access_token", "EAAB")), Duration.ZERO, List.of());
        remote.server().stubFor(delete("/v24.0/1020_9").willReturn(okJson("{\"success\":true}")));
        PublishJob base = Fixtures.job("bang-ron-thang-5", page, Instant.now().minusSeconds(7200));
        PublishJob expiring = new PublishJob(base.id(), base.releaseId(), base.campaign(), base.productId(), base.language(),
                base.variantRevision(), base.targetId(), base.channel(), base.dueAt(), Instant.now().minusSeconds(60),
                base.state(), base.claimableAt(), 0, null, null, base.idempotencyKey(), base.payload(), base.payloadSha256(),
                List.of(), null, null, null, null, base.createdAt(), base.updatedAt());
        PublishJob stillUp = Fixtures.job("bang-ron-thang-7", page, Instant.now().minusSeconds(7200));
        store.createAll(List.of(delivered(expiring, "1020_9", "https://facebook.com/1020_9"),
                delivered(stillUp, "1020_10", "https://facebook.com/1020_10")));
        store.refresh();
        Supplier<Withdrawal> instance = () -> new Withdrawal(store, List.of(
                new FacebookPageConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5))),
                Fixtures.directory(page), Fixtures.CIPHER, Clock.systemUTC());
        Withdrawal a = instance.get();
        Withdrawal b = instance.get();

        Withdrawal.Report first = a.unpublishDue("a", Duration.ofMinutes(10));
        Withdrawal.Report second = b.unpublishDue("b", Duration.ofMinutes(10));

        assertThat(first.removed()).extracting(PublishJob::productId).containsExactly("bang-ron-thang-5");
        assertThat(second.removed()).isEmpty();
        assertThat(store.get(expiring.id()).orElseThrow().job().state()).isEqualTo(JobState.CANCELLED);
        assertThat(store.get(stillUp.id()).orElseThrow().job().state()).isEqualTo(JobState.DELIVERED);
        remote.server().verify(1, deleteRequestedFor(urlEqualTo("/v24.0/1020_9")));
    }
}
