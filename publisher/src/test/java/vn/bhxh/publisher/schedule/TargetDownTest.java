package vn.bhxh.publisher.schedule;

import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.Schedulers;
import vn.bhxh.publisher.testsupport.TestPortal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetDownTest {

    @Test
    void whileThePortalIsDownRetriesBackOffAndEveryJobIsDeliveredOnceWhenItReturns() throws Exception {
        JobStore store = Fixtures.freshStore("down");
        try (TestPortal portal = new TestPortal("bi-mat")) {
            Target target = Fixtures.webhookTarget("cong-tinh-lao-cai", portal.uri(), "bi-mat");
            Instant start = Instant.now();
            portal.downFor(Duration.ofSeconds(4));
            List<PublishJob> jobs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                jobs.add(Fixtures.job("down-" + i, target, start));
            }
            store.createAll(jobs);
            store.refresh();

            try (var scheduler = Schedulers.webhook(store, Fixtures.directory(target), "only", Duration.ofSeconds(30),
                    new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 30), (t, r) -> { })) {
                scheduler.start();
                Schedulers.waitUntil(() -> portal.accepted().size() == 5, Duration.ofSeconds(60));
                Schedulers.waitUntil(() -> {
                    store.refresh();
                    return store.count(JobState.DELIVERED) == 5;
                }, Duration.ofSeconds(20));
            }

            assertThat(portal.refusedWhileDown()).isGreaterThanOrEqualTo(5);
            assertThat(portal.accepted().values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
            for (PublishJob job : jobs) {
                PublishJob done = store.get(job.id()).orElseThrow().job();
                List<DeliveryAttempt> log = done.deliveryLog();
                assertThat(done.state()).isEqualTo(JobState.DELIVERED);
                assertThat(done.remoteUrl()).isEqualTo("https://portal.example/bai/" + job.idempotencyKey());
                assertThat(log.getLast().outcome()).isEqualTo("DELIVERED");
                assertThat(log.subList(0, log.size() - 1)).isNotEmpty()
                        .allSatisfy(a -> assertThat(a.responseStatus()).isEqualTo(503));
                // Retry-After: 1 is a floor under the backoff: no two attempts closer than a second.
                for (int i = 1; i < log.size(); i++) {
                    assertThat(Duration.between(log.get(i - 1).finishedAt(), log.get(i).startedAt()))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(900));
                }
            }
        }
    }
}
