package vn.bhxh.media.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's isolation with real child JVMs running {@link ScriptedWorker}: a request that hangs, crashes its worker or
 * exhausts its heap fails alone with its own kind of failure, its worker is gone, and the next request is answered by a
 * fresh worker; workers are recycled after the configured number of requests; requests run at once up to the pool size.
 */
class WorkerPoolTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static WorkerPool pool(int workers, int requestsPerWorker) {
        return new WorkerPool(WorkerLaunch.ofCurrentJvm(), ScriptedWorker.class, 32,
                new WorkerPool.Settings(workers, requestsPerWorker, Duration.ofSeconds(60)));
    }

    /** The process id of the worker that answered. */
    private static long call(WorkerPool pool, String request, Duration timeout) throws Exception {
        String answer = new String(pool.call(request.getBytes(StandardCharsets.UTF_8), timeout, 1024), StandardCharsets.UTF_8);
        assertThat(answer).endsWith(" " + request);
        return Long.parseLong(answer.substring(0, answer.indexOf(' ')));
    }

    private static long call(WorkerPool pool, String request) throws Exception {
        return call(pool, request, LIMIT);
    }

    private static void failsWith(WorkerPool pool, String request, Duration timeout, WorkerFailure.Kind kind, String detail) {
        assertThatThrownBy(() -> pool.call(request.getBytes(StandardCharsets.UTF_8), timeout, 1024))
                .isInstanceOfSatisfying(WorkerFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(kind);
                    assertThat(failure.detail()).contains(detail);
                });
    }

    @Test
    void aHungACrashingAndAHeapExhaustingRequestEachFailAloneAndTheirWorkerIsReplaced() throws Exception {
        try (WorkerPool pool = pool(1, 100)) {
            long first = call(pool, "who");
            failsWith(pool, "fail:unreadable file", LIMIT, WorkerFailure.Kind.JOB_FAILED, "unreadable file");
            assertThat(call(pool, "who")).as("a job that fails keeps its worker").isEqualTo(first);

            failsWith(pool, "hang", Duration.ofSeconds(2), WorkerFailure.Kind.TIMED_OUT, "no answer within 2.0 s");
            assertThat(WorkerProcesses.running(first)).isFalse();
            long second = call(pool, "who");
            assertThat(second).isNotEqualTo(first);

            failsWith(pool, "crash", LIMIT, WorkerFailure.Kind.CRASHED, "crashed on purpose");
            assertThat(WorkerProcesses.running(second)).isFalse();
            long third = call(pool, "who");
            assertThat(third).isNotIn(first, second);

            failsWith(pool, "exhaust-heap", LIMIT, WorkerFailure.Kind.OUT_OF_MEMORY, "32 MB");
            assertThat(WorkerProcesses.running(third)).isFalse();
            assertThat(call(pool, "who")).isNotIn(first, second, third);
            assertThat(pool.workerPids()).hasSize(1);
        }
    }

    @Test
    void aWorkerIsReplacedAfterItsNumberOfRequestsFailedOnesIncluded() throws Exception {
        try (WorkerPool pool = pool(1, 3)) {
            List<Long> served = new ArrayList<>();
            served.add(call(pool, "who"));
            served.add(call(pool, "who"));
            failsWith(pool, "fail:unreadable file", LIMIT, WorkerFailure.Kind.JOB_FAILED, "unreadable file");
            assertThat(pool.workerPids()).as("recycled at once, not when the next file comes").isEmpty();
            assertThat(WorkerProcesses.running(served.getFirst())).isFalse();
            served.add(call(pool, "who"));
            served.add(call(pool, "who"));
            served.add(call(pool, "who"));
            served.add(call(pool, "who"));
            assertThat(served.subList(0, 2)).containsOnly(served.getFirst());
            assertThat(served.subList(2, 5)).containsOnly(served.get(2));
            assertThat(served.get(2)).isNotEqualTo(served.getFirst());
            assertThat(served.get(5)).isNotIn(served.getFirst(), served.get(2));
        }
    }

    @Test
    void requestsRunAtOnceUpToThePoolSizeAndNeverInMoreWorkers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try (WorkerPool pool = pool(2, 100)) {
            pool.startWorkers();
            // Two requests that each wait for the other: they are answered only if two workers serve them at once.
            Set<Long> workers = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String request = i < 2 ? "meet:" + dir : "who";
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        long worker = call(pool, request);
                        workers.add(worker);
                        assertThat(pool.workerPids()).hasSizeLessThanOrEqualTo(2);
                        return worker;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
            assertThat(workers).hasSize(2);
            assertThat(pool.workerPids()).containsExactlyInAnyOrderElementsOf(workers);
        } finally {
            threads.shutdownNow();
        }
    }
}
