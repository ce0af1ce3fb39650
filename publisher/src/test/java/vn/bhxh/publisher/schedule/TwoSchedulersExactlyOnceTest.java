package vn.bhxh.publisher.schedule;

import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.delivery.InMemoryTargetDirectory;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TwoSchedulersExactlyOnceTest {

    private static final int JOBS = 1000;

    @Test
    void twoInstancesOnOneIndexDeliverEachOfAThousandDueJobsExactlyOnce() throws Exception {
        JobStore store = Fixtures.freshStore("two");
        try (TestPortal portal = new TestPortal("bi-mat")) {
            Target target = Fixtures.webhookTarget("cong-tinh", portal.uri(), "bi-mat");
            InMemoryTargetDirectory targets = Fixtures.directory(target);
            Instant due = Instant.now();
            List<PublishJob> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(Fixtures.job("p-" + i, target, due));
            }
            store.createAll(jobs);
            store.refresh();

            AtomicInteger notified = new AtomicInteger();
            try (Scheduler a = scheduler(store, targets, "instance-a", notified);
                 Scheduler b = scheduler(store, targets, "instance-b", notified)) {
                a.start();
                b.start();
                Schedulers.waitUntil(() -> portal.accepted().size() >= JOBS, Duration.ofSeconds(120));
                Schedulers.waitUntil(() -> {
                    store.refresh();
                    return store.count(JobState.DELIVERED) == JOBS;
                }, Duration.ofSeconds(30));
            }

            assertThat(portal.received()).hasSize(JOBS);
            assertThat(portal.received().values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(portal.accepted().values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(portal.badSignatures()).isZero();
            assertThat(store.count(JobState.DELIVERED)).isEqualTo(JOBS);
            assertThat(notified).hasValue(0);
            printDelays(portal, due);
        }
    }

    private static Scheduler scheduler(JobStore store, InMemoryTargetDirectory targets, String owner, AtomicInteger notified) {
        return Schedulers.webhook(store, targets, owner, Duration.ofSeconds(60),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5), (t, r) -> notified.incrementAndGet());
    }

    /** Delay from the due time to the portal's acknowledgement: the benchmark the issue asks for. */
    private static void printDelays(TestPortal portal, Instant due) {
        long[] millis = portal.firstAcceptedAt().values().stream().mapToLong(at -> Duration.between(due, at).toMillis())
                .sorted().toArray();
        System.out.printf("BENCHMARK schedule-to-delivery over %d jobs, 2 instances: p50=%d ms p99=%d ms max=%d ms%n",
                millis.length, millis[millis.length / 2], millis[(int) (millis.length * 0.99) - 1], millis[millis.length - 1]);
    }
}
