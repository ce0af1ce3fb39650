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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
