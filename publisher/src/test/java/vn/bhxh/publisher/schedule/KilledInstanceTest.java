package vn.bhxh.publisher.schedule;

import org.junit.jupiter.api.Test;
import vn.bhxh.elasticsearch.node.TestElasticsearch;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.PublisherElasticsearch;
import vn.bhxh.publisher.testsupport.DeliveringProcess;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.Schedulers;
import vn.bhxh.publisher.testsupport.TestPortal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class KilledInstanceTest {

    private static final long LEASE_SECONDS = 4;

    @Test
    void aJobWhoseInstanceIsKilledMidDeliveryIsCompletedOnceByAnotherAfterTheLease() throws Exception {
        String index = Fixtures.indexName("killed");
        JobStore store = new JobStore(PublisherElasticsearch.client(TestElasticsearch.uri()), index);
        store.ensureIndex();
        try (TestPortal portal = new TestPortal("bi-mat")) {
            Target target = Fixtures.webhookTarget("cong-quoc-gia", portal.uri(), "bi-mat");
            PublishJob job = Fixtures.job("video-bhyt-hssv", target, Instant.now());
            store.create(job);
            store.refresh();
            portal.hangFirstPost();

            Process victim = new ProcessBuilder(javaBinary(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    DeliveringProcess.class.getName(), TestElasticsearch.uri().toString(), index, portal.uri().toString(),
                    "bi-mat", "victim", Long.toString(LEASE_SECONDS))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                assertThat(portal.awaitHangingPost(60)).as("the child process started delivering").isTrue();
            } finally {
                victim.destroyForcibly();
                assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            portal.releaseHang();
            store.refresh();
            PublishJob inFlight = store.get(job.id()).orElseThrow().job();
            assertThat(inFlight.state()).isEqualTo(JobState.CLAIMED);
            assertThat(inFlight.leaseOwner()).isEqualTo("victim");

            try (var survivor = Schedulers.webhook(store, Fixtures.directory(target), "survivor", Duration.ofSeconds(30),
                    new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 5), (t, r) -> { })) {
                survivor.start();
                Schedulers.waitUntil(() -> portal.accepted().containsKey(job.idempotencyKey()), Duration.ofSeconds(60));
                Schedulers.waitUntil(() -> store.get(job.id()).orElseThrow().job().state() == JobState.DELIVERED,
                        Duration.ofSeconds(20));
            }

            PublishJob done = store.get(job.id()).orElseThrow().job();
            assertThat(portal.accepted().get(job.idempotencyKey())).hasValue(1);
            assertThat(portal.received().get(job.idempotencyKey())).hasValue(2); // the unanswered one and the real one
            List<DeliveryAttempt> log = done.deliveryLog();
            assertThat(log).extracting(DeliveryAttempt::owner).containsExactly("victim", "survivor");
            assertThat(log).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryAttempt.ABANDONED, "DELIVERED");
            assertThat(Duration.between(log.get(0).startedAt(), log.get(1).startedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS));
        }
    }

    /**
     * The promise with the production lease (30 s): an instance killed with {@code kill -9} in the middle of a
     * burst has some posts under way and more jobs claimed behind them; another instance takes all of them over and
     * delivers them within 45 s of the kill, each post accepted once by the portal.
     */
    @Test
    void aBurstFromAnInstanceKilledWithSigkillIsDeliveredOnceByAnotherWithinFortyFiveSeconds() throws Exception {
        Duration lease = Duration.ofSeconds(30);
        int burst = 40;
        int answeredBeforeTheKill = 20;
        int parallelism = 8; // of the scheduler Schedulers.webhook builds, in the child as here
        String index = Fixtures.indexName("killed-burst");
        JobStore store = new JobStore(PublisherElasticsearch.client(TestElasticsearch.uri()), index);
        store.ensureIndex();
        Instant testStarted = Instant.now();
        try (TestPortal portal = new TestPortal("bi-mat")) {
            Target target = Fixtures.webhookTarget("cong-quoc-gia", portal.uri(), "bi-mat");
            List<PublishJob> jobs = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                jobs.add(Fixtures.job("video-bhyt-hssv-" + i, target, Instant.now()));
            }
            store.createAll(jobs);
            store.refresh();
            // The victim delivers the first posts of the burst; the next ones hang at the portal (deliveries under way)
            // and the rest wait in its queue, claimed.
            portal.holdPostsAfter(answeredBeforeTheKill);

            Instant killedAt;
            Process victim = new ProcessBuilder(javaBinary(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    DeliveringProcess.class.getName(), TestElasticsearch.uri().toString(), index, portal.uri().toString(),
                    "bi-mat", "victim", Long.toString(lease.toSeconds()))
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "killed-burst-victim.log").toFile()).start();
            try {
                // Killed once every answered post is recorded and the held ones are under way, so no post was accepted
                // but left unrecorded: that one would be posted again, and only the portal's deduplication would save it.
                Schedulers.waitUntil(() -> portal.held() >= parallelism && delivered(store) == answeredBeforeTheKill,
                        Duration.ofSeconds(60));
            } finally {
                killedAt = Instant.now();
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            portal.releaseHeld();
            store.refresh();
            List<PublishJob> leftBehind = jobs.stream()
                    .map(job -> store.get(job.id()).orElseThrow().job())
                    .filter(job -> job.state() != JobState.DELIVERED).toList();
            assertThat(leftBehind).hasSize(burst - answeredBeforeTheKill)
                    .filteredOn(job -> job.state() == JobState.CLAIMED).isNotEmpty().allSatisfy(job -> {
                        assertThat(job.leaseOwner()).isEqualTo("victim");
                        assertThat(job.leaseUntil()).isAfter(killedAt); // still the victim's: nobody may take them yet
                    });

            try (var survivor = Schedulers.webhook(store, Fixtures.directory(target), "survivor", lease,
                    new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 5), (t, r) -> { })) {
                survivor.start();
                Schedulers.waitUntil(() -> delivered(store) == burst, lease.multipliedBy(3));
            }
            Instant tookOver = Instant.now();

            List<PublishJob> done = jobs.stream().map(job -> store.get(job.id()).orElseThrow().job()).toList();
            assertThat(done).allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.DELIVERED));
            assertThat(portal.badSignatures()).isZero();
            assertThat(portal.accepted()).hasSize(burst);
            assertThat(portal.accepted().values()).allSatisfy(count -> assertThat(count).hasValue(1));
            List<PublishJob> takenOver = done.stream()
                    .filter(job -> job.deliveryLog().getLast().owner().equals("survivor")).toList();
            assertThat(takenOver).hasSize(burst - answeredBeforeTheKill).allSatisfy(job -> {
                // Abandoned when the victim was killed in it (or RETRY, should a held post have timed out first).
                assertThat(job.deliveryLog()).extracting(DeliveryAttempt::owner).startsWith("victim");
                assertThat(job.deliveryLog()).extracting(DeliveryAttempt::owner, DeliveryAttempt::outcome)
                        .endsWith(tuple("survivor", "DELIVERED"));
                assertThat(job.deliveryLog()).filteredOn(a -> "DELIVERED".equals(a.outcome())).hasSize(1);
            });
            assertThat(takenOver.stream().filter(job -> portal.received().get(job.idempotencyKey()).get() >= 2))
                    .as("posts the victim had under way when it was killed, sent again by the survivor")
                    .hasSizeGreaterThanOrEqualTo(parallelism);

            Instant lastDelivered = takenOver.stream().map(job -> job.deliveryLog().getLast().finishedAt())
                    .max(Comparator.naturalOrder()).orElseThrow();
            Duration takeover = Duration.between(killedAt, lastDelivered);
            System.out.printf("kill -9 takeover: last of %d jobs delivered %d ms after the kill (lease %d s); "
                    + "survivor saw them all delivered after %d ms; test ran %d ms from its index being ready%n",
                    takenOver.size(), takeover.toMillis(), lease.toSeconds(), Duration.between(killedAt, tookOver).toMillis(),
                    Duration.between(testStarted, Instant.now()).toMillis());
            assertThat(takeover).isLessThanOrEqualTo(Duration.ofSeconds(45));
        }
    }

    private static int delivered(JobStore store) {
        store.refresh();
        return store.byState(JobState.DELIVERED, 1000).size();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
