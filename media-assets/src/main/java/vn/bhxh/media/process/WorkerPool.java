package vn.bhxh.media.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few warm worker JVMs that each answer many requests (see {@link WorkerLoop}), instead of a new JVM
 * per file: starting a JVM and loading Tika or PDFBox costs seconds, a warm worker answers a small file
 * in milliseconds. Each worker keeps the isolation of a one-shot child: its own heap limit (it exits on
 * the first OutOfMemoryError), and a deadline per request after which it is killed. A worker that dies,
 * hangs or breaks the protocol fails only the request it was serving and is replaced by a fresh one on
 * the next request; after {@link Settings#requestsPerWorker()} requests a worker is replaced anyway, so
 * nothing a parser leaks lives long.
 */
public final class WorkerPool implements AutoCloseable {

    /**
     * @param workers           how many requests run at once (each in its own JVM)
     * @param requestsPerWorker a worker is replaced after this many requests
     * @param startTimeout      how long a worker may take to start and warm up (not counted in a request's time)
     */
    public record Settings(int workers, int requestsPerWorker, Duration startTimeout) {

        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("A worker pool needs at least one worker");
            }
            if (requestsPerWorker < 1) {
                throw new IllegalArgumentException("A worker must serve at least one request");
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("The worker start timeout must be positive");
            }
        }

        /** Two workers: two uploads parsed at once on the standard two-core machine; 500 requests bound any leak. */
        public static Settings defaults() {
            return new Settings(2, 500, Duration.ofSeconds(60));
        }

        /** A new JVM for every request, as before the pool: kept to measure the difference (BENCHMARK.md). */
        public static Settings freshJvmPerRequest() {
            return new Settings(defaults().workers(), 1, defaults().startTimeout());
        }
    }

    private final WorkerLaunch launch;
    private final Class<?> workerMain;
    private final int heapMegabytes;
    private final Settings settings;
    /** Free slots, most recently used first, so that light traffic keeps one worker hot instead of several lukewarm. */
    private final LinkedBlockingDeque<Slot> free = new LinkedBlockingDeque<>();
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("worker-deadlines").factory());
    private volatile boolean closed;

    public WorkerPool(WorkerLaunch launch, Class<?> workerMain, int heapMegabytes, Settings settings) {
        this.launch = launch;
        this.workerMain = workerMain;
        this.heapMegabytes = heapMegabytes;
        this.settings = settings;
        for (int i = 0; i < settings.workers(); i++) {
            free.add(new Slot());
        }
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends one request to a free worker (starting one if needed) and returns its answer.
     *
     * @param timeout          how long the worker may take to answer; then it is killed
     * @param maxResponseBytes a longer answer is refused and its worker killed
     */
    public byte[] call(byte[] request, Duration timeout, int maxResponseBytes) throws WorkerFailure, InterruptedException {
        Slot slot = free.takeFirst();
        try {
            return slot.call(request, timeout, maxResponseBytes);
        } finally {
            free.putFirst(slot);
        }
    }

    /** Starts every worker that is not running yet and waits until all are ready (otherwise they start with their first request). */
    public void startWorkers() throws WorkerFailure, InterruptedException {
        List<Slot> taken = new ArrayList<>();
        try {
            for (int i = 0; i < settings.workers(); i++) {
                taken.add(free.takeFirst());
            }
            for (Slot slot : taken) {
                slot.ready();
            }
        } finally {
            taken.forEach(free::addLast);
        }
    }

    /** The process ids of the workers running now (for monitoring, and for tests that prove reuse). */
    public List<Long> workerPids() {
        return live.stream().map(worker -> worker.process.pid()).sorted().toList();
    }

    /** Kills every worker, including ones serving a request (that request fails), and waits for them to end. */
    @Override
    public void close() {
        closed = true;
        List<Worker> workers = List.copyOf(live);
        workers.forEach(Worker::kill);
        for (Worker worker : workers) {
            try {
                worker.process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deadlines.shutdownNow();
    }

    /** One place for a worker; used by one request at a time. */
    private final class Slot {

        private Worker worker;

        Worker ready() throws WorkerFailure, InterruptedException {
            if (closed) {
                throw new IllegalStateException("The worker pool is closed");
            }
            if (worker == null || !worker.process.isAlive()) {
                if (worker != null) {
                    worker.kill();
                    worker = null;
                }
                worker = Worker.start(WorkerPool.this);
            }
            return worker;
        }

        byte[] call(byte[] request, Duration timeout, int maxResponseBytes) throws WorkerFailure, InterruptedException {
            Worker current = ready();
            try {
                return current.exchange(request, timeout, maxResponseBytes);
            } catch (WorkerFailure failure) {
                if (failure.kind() != WorkerFailure.Kind.JOB_FAILED) {
                    current.kill();
                    worker = null;
                }
                throw failure;
            } finally {
                if (worker != null && worker.served >= settings.requestsPerWorker()) {
                    worker.kill();
                    worker = null;
                }
            }
        }
    }

    /** One worker JVM and its pipes. */
    private static final class Worker {

        private final WorkerPool pool;
        private final Process process;
        private final DataOutputStream requests;
        private final DataInputStream answers;
        private final ErrorTail errors;
        private int served;

        private Worker(WorkerPool pool, Process process) {
            this.pool = pool;
            this.process = process;
            this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            this.errors = ErrorTail.drain(process.getErrorStream());
        }

        static Worker start(WorkerPool pool) throws WorkerFailure, InterruptedException {
            Process process;
            try {
                String[] arguments = pool.settings.requestsPerWorker() > 1 ? new String[] {WorkerLoop.WARM_UP} : new String[0];
                process = new ProcessBuilder(pool.launch.command(pool.heapMegabytes, pool.workerMain, arguments)).start();
            } catch (IOException e) {
                throw new WorkerFailure(WorkerFailure.Kind.CRASHED, String.valueOf(e.getMessage()));
            }
            Worker worker = new Worker(pool, process);
            pool.live.add(worker);
            if (pool.closed) {
                worker.kill();
                throw new IllegalStateException("The worker pool is closed");
            }
            try {
                worker.answer(null, pool.settings.startTimeout(), 16, WorkerLoop.READY);
            } catch (WorkerFailure failure) {
                worker.kill();
                if (failure.kind() == WorkerFailure.Kind.TIMED_OUT) {
                    throw new WorkerFailure(WorkerFailure.Kind.CRASHED,
                            "not ready after " + pool.settings.startTimeout().toMillis() / 1000.0 + " s");
                }
                throw failure;
            }
            return worker;
        }

        byte[] exchange(byte[] request, Duration timeout, int maxResponseBytes) throws WorkerFailure, InterruptedException {
            byte[] payload = answer(request, timeout, maxResponseBytes, WorkerLoop.DONE);
            served++;
            return payload;
        }

        /** Sends the request (none: wait for the start signal) and reads the answer before the deadline. */
        private byte[] answer(byte[] request, Duration timeout, int maxResponseBytes, byte expected)
                throws WorkerFailure, InterruptedException {
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> deadline = pool.deadlines.schedule(() -> {
                expired.set(true);
                kill();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            byte[] frame;
            try {
                if (request != null) {
                    WorkerLoop.writeRequest(requests, request);
                }
                frame = WorkerLoop.read(answers, maxResponseBytes + 1);
            } catch (IOException e) {
                deadline.cancel(false);
                throw expired.get() ? timedOut(timeout) : broken(e);
            } finally {
                deadline.cancel(false);
            }
            if (expired.get()) {
                throw timedOut(timeout);
            }
            byte[] payload = Arrays.copyOfRange(frame, 1, frame.length);
            if (frame.length > 0 && frame[0] == expected) {
                return payload;
            }
            if (frame.length > 0 && frame[0] == WorkerLoop.FAILED && expected == WorkerLoop.DONE) {
                served++;
                throw new WorkerFailure(WorkerFailure.Kind.JOB_FAILED, new String(payload, StandardCharsets.UTF_8));
            }
            kill();
            throw new WorkerFailure(WorkerFailure.Kind.CRASHED, "unexpected answer from the worker");
        }

        private static WorkerFailure timedOut(Duration timeout) {
            return new WorkerFailure(WorkerFailure.Kind.TIMED_OUT, "no answer within " + timeout.toMillis() / 1000.0 + " s");
        }

        /** The pipe ended or carried garbage: usually the worker is exiting (out of memory, crash); find out how. */
        private WorkerFailure broken(IOException e) throws InterruptedException {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                kill();
                return new WorkerFailure(WorkerFailure.Kind.CRASHED, String.valueOf(e.getMessage()));
            }
            pool.live.remove(this);
            if (process.exitValue() == WorkerLaunch.OUT_OF_MEMORY_EXIT) {
                return new WorkerFailure(WorkerFailure.Kind.OUT_OF_MEMORY, pool.heapMegabytes + " MB");
            }
            String last = errors.lastLine();
            return new WorkerFailure(WorkerFailure.Kind.CRASHED, last.isEmpty() ? "exit code " + process.exitValue() : last);
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            pool.live.remove(this);
        }
    }
}
