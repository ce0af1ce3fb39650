package vn.bhxh.publisher.schedule;

import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetRateLimiter;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.Schedulers;
import vn.bhxh.publisher.testsupport.TestPortal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a live instance does when a job it is delivering was claimed by another instance (its lease ran out while
 * renewals failed, e.g. Elasticsearch was away): it notices at its next renewal, stops that delivery at once and
 * records nothing over the new owner's claim.
 */
class LostLeaseTest {

    @Test
    void aDeliveryWhoseLeaseAnotherInstanceTookIsStoppedAndLeavesTheJobToIt() throws Exception {
        JobStore store = Fixtures.freshStore("lost-lease");
        try (TestPortal portal = new TestPortal("bi-mat")) {
            Target target = Fixtures.webhookTarget("cong-quoc-gia", portal.uri(), "bi-mat");
            PublishJob hanging = Fixtures.job("video-bhyt-hssv", target, Instant.now());
            store.create(hanging);
            store.refresh();
            portal.hangFirstPost();
            // One delivery at a time, and a connector timeout far longer than the test: only the stop frees the slot.
            try (Scheduler live = new Scheduler(store,
                    List.of(new WebhookConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofMinutes(5))),
                    Fixtures.directory(target), Fixtures.CIPHER, new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 5),
                    new TargetRateLimiter(), (t, r) -> { }, Clock.systemUTC(),
                    new SchedulerSettings("live", Duration.ofSeconds(6), 50, Duration.ofMillis(100), 1))) {
                live.start();
                assertThat(portal.awaitHangingPost(60)).isTrue();

                // Another instance claims the job, as it may once the lease has run out (tried again should a renewal
                // of the live instance come in between).
                StoredJob taken = null;
                while (taken == null) {
                    StoredJob seen = store.get(hanging.id()).orElseThrow();
                    Instant now = Instant.now();
                    taken = store.replace(seen, seen.job().claimedBy("peer", now, now.plus(Duration.ofMinutes(5))))
                            .orElse(null);
                }
                PublishJob next = Fixtures.job("video-luong-huu", target, Instant.now());
                store.create(next);
                store.refresh();

                // The next job waits for the only delivery slot, which the hanging post holds until it is stopped.
                Schedulers.waitUntil(() -> portal.accepted().containsKey(next.idempotencyKey()), Duration.ofSeconds(30));
                Schedulers.waitUntil(() -> store.get(next.id()).orElseThrow().job().state() == JobState.DELIVERED,
                        Duration.ofSeconds(10));
                StoredJob after = store.get(hanging.id()).orElseThrow();
                assertThat(after.seqNo()).as("nothing written over the new owner's claim").isEqualTo(taken.seqNo());
                assertThat(after.job().leaseOwner()).isEqualTo("peer");
            }
            assertThat(portal.accepted()).doesNotContainKey(hanging.idempotencyKey());
        }
    }
}
