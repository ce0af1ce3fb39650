package vn.bhxh.publisher.job;

import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.testsupport.Fixtures;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobStoreClaimTest {

    private final JobStore store = Fixtures.freshStore("claim");
    private final Target portal = Fixtures.webhookTarget("cong-quoc-gia", URI.create("http://127.0.0.1:1/hook"), "s");

    @Test
    void aClaimedJobIsNotClaimedAgainUntilItsLeaseEnds() {
        Instant now = Instant.parse("2026-05-10T01:00:00Z");
        store.create(Fixtures.job("to-roi-1", portal, now.minusSeconds(60)));
        store.refresh();

        List<StoredJob> first = store.claim("a", now, now.plus(Duration.ofMinutes(5)), 10);
        store.refresh();
        List<StoredJob> second = store.claim("b", now.plusSeconds(60), now.plus(Duration.ofMinutes(6)), 10);

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().job().state()).isEqualTo(JobState.CLAIMED);
        assertThat(first.getFirst().job().leaseOwner()).isEqualTo("a");
        assertThat(first.getFirst().job().lastAttempt().outcome()).isEqualTo(DeliveryAttempt.IN_FLIGHT);
        assertThat(second).isEmpty();
    }

    @Test
    void anExpiredLeaseIsReclaimedTheAbandonedAttemptIsMarkedAndTheOldOwnerCannotWrite() {
        Instant now = Instant.parse("2026-05-10T01:00:00Z");
        store.create(Fixtures.job("to-roi-2", portal, now));
        store.refresh();
        StoredJob byA = store.claim("a", now, now.plusSeconds(30), 10).getFirst();
        store.refresh();

        List<StoredJob> byB = store.claim("b", now.plusSeconds(31), now.plusSeconds(90), 10);
        PublishJob staleWrite = byA.job().withState(JobState.DELIVERED, now, null, now);

        assertThat(byB).hasSize(1);
        PublishJob taken = byB.getFirst().job();
        assertThat(taken.leaseOwner()).isEqualTo("b");
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(taken.deliveryLog()).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryAttempt.ABANDONED, DeliveryAttempt.IN_FLIGHT);
        assertThat(taken.previousAttemptInDoubt()).isTrue();
        assertThat(store.replace(byA, staleWrite)).isEmpty();
        assertThat(store.get(taken.id()).orElseThrow().job().leaseOwner()).isEqualTo("b");
    }

    @Test
    void theStoredPayloadAndItsHashAreKeptExactly() {
        Instant now = Instant.parse("2026-05-10T01:00:00Z");
        PublishJob job = Fixtures.job("to-roi-3", portal, now);
        store.create(job);

        PublishJob read = store.get(job.id()).orElseThrow().job();

        assertThat(read.payload()).isEqualTo(job.payload());
        assertThat(read.payloadSha256()).isEqualTo(read.payload().sha256()).hasSize(64);
        assertThat(read.dueAt()).isEqualTo(now);
    }
}
