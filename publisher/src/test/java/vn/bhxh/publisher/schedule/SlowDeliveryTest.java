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

import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class SlowDeliveryTest {

    @Test
    void aDeliveryLongerThanTheLeaseKeepsItsJobBecauseTheLiveOwnerRenewsTheLease() throws Exception {
        JobStore store = Fixtures.freshStore("slow");
        try (TestPortal portal = new TestPortal("bi-mat")) {
            portal.answerAfter(Duration.ofSeconds(4));
            Target target = Fixtures.webhookTarget("cong-cham", portal.uri(), "bi-mat");
            PublishJob job = Fixtures.job("video-dai", target, Instant.now());
            store.create(job);
            store.refresh();
            RetryPolicy retry = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 5);

            try (Scheduler owner = Schedulers.webhook(store, Fixtures.directory(target), "owner", Duration.ofMillis(1500), retry, (t, r) -> { });
                 Scheduler peer = Schedulers.webhook(store, Fixtures.directory(target), "peer", Duration.ofMillis(1500), retry, (t, r) -> { })) {
                var delivering = CompletableFuture.supplyAsync(owner::runOnce);
                Schedulers.waitUntil(() -> portal.received().containsKey(job.idempotencyKey()), Duration.ofSeconds(20));
                peer.start(); // polls every 100 ms while the owner waits 4 s, more than twice its lease, for the answer
                assertThat(delivering.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }

            PublishJob done = store.get(job.id()).orElseThrow().job();
            assertThat(portal.received().get(job.idempotencyKey())).hasValue(1);
            assertThat(done.state()).isEqualTo(JobState.DELIVERED);
            assertThat(done.deliveryLog()).extracting(DeliveryAttempt::owner).containsExactly("owner");
        }
    }
}
