package vn.bhxh.publisher.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.crypto.CredentialsUnusable;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.delivery.TargetDirectory;
import vn.bhxh.publisher.delivery.TargetPacing;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One scheduler instance: claims due jobs with a lease, delivers them through their channel's connector
 * and records the outcome. Any number of instances may run against one index; the conditional writes of
 * {@link JobStore} make sure each job is delivered by one of them, and a job whose owner died is taken
 * over when its lease ends.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /**
     * The longest wait between claim attempts while Elasticsearch fails: long enough not to add to the load of a
     * struggling cluster, short enough that delivery resumes within seconds of its recovery.
     */
    static final Duration MAX_OUTAGE_BACKOFF = Duration.ofSeconds(10);

    private final JobStore store;
    private final Map<Channel, Connector> connectors = new HashMap<>();
    private final TargetDirectory targets;
    private final CredentialCipher cipher;
    private final RetryPolicy retry;
    private final TargetPacing limiter;
    private final DeliveryObserver observer;
    private final TargetAdminNotifier notifier;
    private final Clock clock;
    private final SchedulerSettings settings;
    private final ExecutorService deliveries;
    private final ScheduledExecutorService heartbeat;
    /** Every job claimed and not yet recorded, queued ones included: their leases run from the claim. */
    private final Map<String, HeldJob> held = new ConcurrentHashMap<>();
    private final Object pausing = new Object();
    private volatile Thread loop;

    public Scheduler(JobStore store, List<Connector> connectors, TargetDirectory targets, CredentialCipher cipher,
                     RetryPolicy retry, TargetPacing limiter, TargetAdminNotifier notifier, Clock clock,
                     SchedulerSettings settings) {
        this(store, connectors, targets, cipher, retry, limiter, notifier, clock, settings, DeliveryObserver.NONE);
    }

    public Scheduler(JobStore store, List<Connector> connectors, TargetDirectory targets, CredentialCipher cipher,
                     RetryPolicy retry, TargetPacing limiter, TargetAdminNotifier notifier, Clock clock,
                     SchedulerSettings settings, DeliveryObserver observer) {
        this.store = store;
        this.observer = observer;
        connectors.forEach(c -> this.connectors.put(c.channel(), c));
        this.targets = targets;
        this.cipher = cipher;
        this.retry = retry;
        this.limiter = limiter;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
        this.deliveries = Executors.newFixedThreadPool(settings.parallelism(),
                Thread.ofPlatform().name("publisher-" + settings.owner() + "-", 0).daemon().factory());
        // Leases are renewed from the claim until the outcome is recorded, so a slow upload or a job queued behind
        // others is never taken over by a live instance's peer; only a dead instance's jobs come back when their
        // (short) lease ends. The heartbeat ticks often but writes only when a third of a lease has passed: a renewal
        // that failed (Elasticsearch briefly away) is tried again within a second, not a third of a lease later.
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("publisher-lease-" + settings.owner()).daemon().factory());
        long tick = Math.clamp(settings.lease().toMillis() / 10, 100, 1000);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void renewLeases() {
        List<HeldJob> due = held.values().stream().filter(this::renewalDue).toList();
        if (due.isEmpty()) {
            return;
        }
        try {
            renewTogether(due, 0);
        } catch (RuntimeException e) {
            log.warn("Không gia hạn được {} công việc / could not renew the leases of {} jobs, trying again: {}",
                    due.size(), due.size(), e.getMessage());
        }
    }

    /** Renewed once a third of the lease has passed: two more tries fit before it runs out. */
    private boolean renewalDue(HeldJob job) {
        PublishJob stored = job.stored().job();
        Duration left = Duration.between(clock.instant(), stored.leaseUntil());
        return !job.lost() && stored.state().equals(JobState.CLAIMED)
                && left.compareTo(settings.lease().multipliedBy(2).dividedBy(3)) <= 0;
    }

    /**
     * Takes the monitor of each job (so no outcome is written meanwhile; only the heartbeat takes more than one, so
     * this cannot deadlock), then renews those still due in one request.
     */
    private void renewTogether(List<HeldJob> jobs, int locked) {
        if (locked < jobs.size()) {
            synchronized (jobs.get(locked)) {
                renewTogether(jobs, locked + 1);
            }
            return;
        }
        Instant now = clock.instant();
        List<HeldJob> due = jobs.stream().filter(this::renewalDue).toList();
        List<Optional<StoredJob>> renewed = store.replaceAll(due.stream().map(HeldJob::stored).toList(),
                due.stream().map(job -> job.stored().job().leaseExtended(now.plus(settings.lease()), now)).toList());
        for (int i = 0; i < due.size(); i++) {
            HeldJob job = due.get(i);
            renewed.get(i).ifPresentOrElse(job::update, () -> {
                // Only another instance changes a job we hold: its lease ran out while renewals failed and the job
                // was claimed again. Stop delivering it; the new owner delivers and records it.
                log.warn("Mất quyền giữ công việc {} / lost the lease on job {}; stopping its delivery", job.id(), job.id());
                job.lose();
            });
        }
    }

    private HeldJob hold(StoredJob claimed) {
        observe(() -> observer.claimed(claimed.job(), max(Duration.ZERO, Duration.between(
                claimed.job().claimableAt() == null ? clock.instant() : claimed.job().claimableAt(), clock.instant()))));
        HeldJob job = new HeldJob(claimed);
        HeldJob before = held.put(claimed.job().id(), job);
        if (before != null) {
            // Our own lease ran out (renewals failed) and we claimed the job again: the older delivery is void.
            before.lose();
        }
        return job;
    }

    /** Claims one batch of due jobs and delivers them; returns how many were claimed. */
    public int runOnce() {
        Instant now = clock.instant();
        List<StoredJob> claimed = store.claim(settings.owner(), now, now.plus(settings.lease()), settings.batchSize());
        List<Future<?>> running = new ArrayList<>();
        for (StoredJob job : claimed) {
            HeldJob mine = hold(job);
            running.add(deliveries.submit(() -> deliverSafely(mine)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.error("Lỗi không lường trước khi giao / unexpected delivery error", e.getCause());
            }
        }
        return claimed.size();
    }

    /**
     * Delivers in a background thread until {@link #close()}. Unlike {@link #runOnce()} it does not wait for a
     * batch to finish: it claims as many jobs as it has free delivery slots, so claiming overlaps delivering
     * and a slow target does not hold up the others.
     */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        // Jobs claimed but not yet finished; their leases run while they wait, so keep this near one batch.
        int slots = Math.max(settings.batchSize(), settings.parallelism() * 2);
        int smallestClaim = Math.max(1, settings.batchSize() / 2);
        Semaphore free = new Semaphore(slots);
        // While Elasticsearch fails, claim attempts back off exponentially (with jitter, so instances spread out).
        RetryPolicy outage = new RetryPolicy(settings.pollInterval(), max(settings.pollInterval(), MAX_OUTAGE_BACKOFF),
                Integer.MAX_VALUE);
        loop = Thread.ofPlatform().name("publisher-scheduler-" + settings.owner()).daemon().start(() -> {
            int failures = 0;
            while (!Thread.currentThread().isInterrupted()) {
                // Claiming costs an Elasticsearch round trip and a refresh: only worth it for a good handful of jobs.
                int available = free.availablePermits();
                int wanted = available >= Math.min(smallestClaim, slots) ? Math.min(settings.batchSize(), available) : 0;
                List<StoredJob> claimed = List.of();
                try {
                    if (wanted > 0) {
                        Instant now = clock.instant();
                        claimed = store.claim(settings.owner(), now, now.plus(settings.lease()), wanted);
                    }
                    if (failures > 0) {
                        log.info("Nhận công việc trở lại / claiming jobs again after {} failed attempts", failures);
                        failures = 0;
                    }
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // closing: the interrupted request is not a failure
                    }
                    // Elasticsearch away: jobs stay where they are; try again after a growing pause.
                    failures++;
                    Duration pause = outage.delayAfter(failures, null);
                    if (failures == 1 || Integer.bitCount(failures) == 1) {
                        log.warn("Không nhận được công việc / could not claim jobs ({} attempts); next try in {} ms: {}",
                                failures, pause.toMillis(), e.getMessage());
                    }
                    if (!sleep(pause)) {
                        return;
                    }
                    continue;
                }
                for (StoredJob job : claimed) {
                    free.acquireUninterruptibly();
                    HeldJob mine = hold(job);
                    deliveries.submit(() -> {
                        try {
                            deliverSafely(mine);
                        } finally {
                            free.release();
                        }
                    });
                }
                if ((claimed.size() < wanted || wanted == 0)
                        && !sleep(wanted == 0 ? Duration.ofMillis(20) : settings.pollInterval())) {
                    return;
                }
            }
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** False when interrupted: the scheduler is closing. */
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
        // Let deliveries under way finish and record their outcome, their leases still renewed; a cut-off one would
        // be retried, but costs a lease period and, where the service has no idempotency key, a check-before-post.
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(20, TimeUnit.SECONDS)) {
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
        heartbeat.shutdownNow();
    }

    public String owner() {
        return settings.owner();
    }

    private void deliverSafely(HeldJob mine) {
        try {
            deliver(mine);
        } catch (LeaseLost e) {
            log.warn("Mất quyền giữ công việc {} / lost the lease on job {}; another instance owns it now", e.jobId, e.jobId);
        } catch (RuntimeException e) {
            // The job stays CLAIMED; it is taken up again when the lease ends.
            log.error("Không ghi được kết quả công việc {} / could not record the outcome of job {}",
                    mine.id(), mine.id(), e);
        } finally {
            held.remove(mine.id(), mine);
        }
    }

    private void deliver(HeldJob mine) {
        StoredJob claimed = mine.stored();
        PublishJob job = claimed.job();
        Instant now = clock.instant();
        Target target = targets.find(job.targetId()).orElse(null);
        Connector connector = connectors.get(job.channel());
        if (target == null || connector == null) {
            finish(claimed, JobState.FAILED, null, new DeliveryResult.Permanent(null, null,
                    "Đích của lịch này không còn, hoặc kênh của nó chưa được cài. Hãy lên lịch lại cho một đích đang có."), now);
            return;
        }
        if (targets.paused(target.id())) {
            synchronized (mine) {
                store.replace(mine.stored(), mine.stored().job().deferred(now, null, now).withState(JobState.PAUSED_TARGET, now,
                        "Đích đang tạm dừng; bài sẽ được đăng khi người quản trị kết nối lại và bấm Tiếp tục.", now));
            }
            return;
        }
        Instant waitUntil = limiter.reserve(target, now);
        if (waitUntil != null) {
            synchronized (mine) {
                store.replace(mine.stored(), mine.stored().job().deferred(waitUntil, "Đang chờ để không gửi quá số lần cho phép của đích; bài sẽ được đăng ngay sau đó.", now));
            }
            return;
        }
        if (!mine.begin(clock.instant())) {
            // Waited in the queue while renewals failed: the job may be someone else's now. It is claimable again
            // (by us too), and whoever claims it delivers it.
            log.warn("Công việc {} hết hạn giữ trước khi giao / the lease on job {} ran out before its delivery began",
                    job.id(), job.id());
            return;
        }
        try {
            DeliveryResult result;
            StoredJob previous = connector.updatesInPlace() ? previousRevision(job) : null;
            CredentialsUnusable unusable = null;
            try {
                result = connector.deliver(new DeliveryRequest(job, target, credentials(target), memory(mine),
                        renewed -> targets.replaceCredentials(target.id(), TargetCredentials.seal(cipher, target.id(), renewed)),
                        previous == null ? null : previous.job()));
            } catch (LeaseLost e) {
                throw e;
            } catch (CredentialsUnusable e) {
                unusable = e;
                result = new DeliveryResult.Permanent(null, null, e.getMessage());
            } catch (RuntimeException e) {
                result = new DeliveryResult.Transient(null, null, "Lỗi trong hệ thống khi gửi bài; hệ thống sẽ tự thử lại. Nếu lỗi lặp lại, hãy báo quản trị hệ thống kèm nhật ký giao.", null, String.valueOf(e));
            }
            synchronized (mine) {
                if (mine.lost()) {
                    throw new LeaseLost(job.id());
                }
                if (unusable != null) {
                    credentialsUnusable(mine.stored(), target, result);
                } else {
                    applyOutcome(mine.stored(), target, result);
                }
            }
            if (previous != null && result instanceof DeliveryResult.Delivered d && d.remoteId() != null) {
                if (d.remoteId().equals(previous.job().remoteId())) {
                    markReplaced(previous, job, "Bài đã được cập nhật bằng bản sửa " + job.variantRevision() + ".");
                } else if (d.note() != null) {
                    markReplaced(previous, job, "Bài đã được gỡ và thay bằng bài mới của bản sửa " + job.variantRevision() + ".");
                }
            }
        } finally {
            mine.end();
        }
    }

    /** The delivered job of an earlier revision of this variant on this target whose post is still up, newest first. */
    private StoredJob previousRevision(PublishJob job) {
        return store.byProduct(job.productId()).stream()
                .filter(s -> s.job().state() == JobState.DELIVERED && s.job().remoteId() != null
                        && !s.job().id().equals(job.id()) && s.job().language().equals(job.language())
                        && s.job().targetId().equals(job.targetId()))
                .max(Comparator.comparing(s -> s.job().updatedAt()))
                .orElse(null);
    }

    /**
     * The earlier revision's post now shows the new one: its job ends (so its unpublish time or a withdrawal does not
     * act on the post twice) with a line saying which revision took it over; its delivery stays in its log.
     */
    private void markReplaced(StoredJob previous, PublishJob by, String why) {
        Instant now = clock.instant();
        PublishJob old = previous.job();
        DeliveryAttempt line = new DeliveryAttempt(old.nextAttemptNumber(), settings.owner(), now, now, "REPLACED", null, null,
                old.remoteId(), old.remoteUrl(), why);
        if (store.replace(previous, old.finished(JobState.CANCELLED, now, line, old.remoteId(), old.remoteUrl(), why, now)).isEmpty()) {
            log.warn("Công việc {} vừa thay đổi, không ghi được việc thay thế / job changed concurrently", old.id());
        }
    }

    private void applyOutcome(StoredJob current, Target target, DeliveryResult result) {
        Instant now = clock.instant();
        PublishJob job = current.job();
        switch (result) {
            case DeliveryResult.Delivered d -> {
                if (d.slowDown() != null) {
                    limiter.block(target.id(), now, d.slowDown());
                }
                finish(current, JobState.DELIVERED, null, result, now);
            }
            case DeliveryResult.Transient t -> {
                if (t.retryAfter() != null) {
                    limiter.block(target.id(), now, t.retryAfter());
                }
                if (retry.exhausted(job.attempts())) {
                    String reason = "Đã thử " + job.attempts() + " lần không được nên dừng lại. " + t.reason();
                    finish(current, JobState.FAILED, null, new DeliveryResult.Permanent(t.requestSummary(), t.status(),
                            reason, t.answer()), now);
                    failed(target, job, reason);
                } else {
                    finish(current, JobState.PENDING, now.plus(retry.delayAfter(job.attempts(), t.retryAfter())), result, now);
                }
            }
            case DeliveryResult.Permanent p -> {
                finish(current, JobState.FAILED, null, result, now);
                failed(target, job, p.reason());
            }
            case DeliveryResult.UpdateByHand u -> {
                // The earlier revision's post stays up (its job stays DELIVERED, so a withdrawal still removes it); this
                // job fails with the sentence saying what to change, and administrators are told.
                finish(current, JobState.FAILED, null, result, now);
                notifier.updateByHand(target, job.id(), u.reason());
            }
            case DeliveryResult.TokenRejected r -> {
                boolean newlyPaused = pause(target, r.reason());
                finish(current, JobState.PAUSED_TARGET, null, result, now);
                if (newlyPaused) {
                    notifier.targetPaused(target, r.reason());
                }
            }
        }
    }

    /**
     * A stored credential is missing or unreadable: trying again would fail the same way until a person enters it. As for a
     * rejected credential, the target is paused and this job waits with its other jobs, the reason saying what to enter;
     * once the credential is entered and sending resumes, they go out without anyone scheduling them again. Its
     * administrators are told once, by the pause notice (which says what to do) rather than by a failure notice as well.
     */
    private void credentialsUnusable(StoredJob current, Target target, DeliveryResult failure) {
        boolean newlyPaused = pause(target, failure.reason());
        finish(current, JobState.PAUSED_TARGET, null, failure, clock.instant());
        if (newlyPaused) {
            notifier.targetPaused(target, failure.reason());
        }
    }

    /** Pauses the target; true when it was not paused yet. Several deliveries may find it at once: administrators are told once. */
    private boolean pause(Target target, String reason) {
        synchronized (pausing) {
            boolean newlyPaused = !targets.paused(target.id());
            targets.pause(target.id(), reason);
            return newlyPaused;
        }
    }

    /** Told once the failure is recorded; telling people must never undo or repeat the delivery's outcome. */
    private void failed(Target target, PublishJob job, String reason) {
        try {
            notifier.deliveryFailed(target, job, reason);
        } catch (RuntimeException e) {
            log.warn("Không báo được lượt gửi thất bại {} / could not report the failed job {}: {}", job.id(), job.id(), e.getMessage());
        }
    }

    private void finish(StoredJob current, JobState state, Instant claimableAt, DeliveryResult result, Instant now) {
        PublishJob job = current.job();
        DeliveryAttempt started = job.lastAttempt();
        String remoteId = result instanceof DeliveryResult.Delivered d ? d.remoteId() : job.remoteId();
        String remoteUrl = result instanceof DeliveryResult.Delivered d ? d.remoteUrl() : job.remoteUrl();
        String reason = result.reason();
        // A delivery that replaced the earlier revision's post says so in its log line; the job has no failure reason.
        String detail = result instanceof DeliveryResult.Delivered d && d.note() != null ? d.note() : reason;
        DeliveryAttempt attempt = new DeliveryAttempt(started != null && started.inFlight() ? started.number() : job.nextAttemptNumber(),
                settings.owner(),
                started == null ? now : started.startedAt(), now, outcomeName(result), result.requestSummary(),
                result.status(), result instanceof DeliveryResult.Delivered d ? d.remoteId() : null,
                result instanceof DeliveryResult.Delivered d ? d.remoteUrl() : null, detail, result.answer());
        PublishJob updated = job.finished(state, claimableAt == null ? now : claimableAt, attempt, remoteId, remoteUrl,
                reason, now);
        if (store.replace(current, updated).isEmpty()) {
            throw new LeaseLost(job.id());
        }
        observe(() -> observer.recorded(updated, attempt.outcome(), Duration.between(attempt.startedAt(), now)));
    }

    /** Metrics never get in the way of a delivery. */
    private static void observe(Runnable observation) {
        try {
            observation.run();
        } catch (RuntimeException e) {
            log.debug("observer failed", e);
        }
    }

    private static String outcomeName(DeliveryResult result) {
        return switch (result) {
            case DeliveryResult.Delivered d -> "DELIVERED";
            case DeliveryResult.Transient t -> "RETRY";
            case DeliveryResult.Permanent p -> "FAILED";
            case DeliveryResult.TokenRejected r -> "TOKEN_REJECTED";
            case DeliveryResult.UpdateByHand u -> DeliveryAttempt.UPDATE_BY_HAND;
        };
    }

    private DeliveryRequest.ConnectorMemory memory(HeldJob mine) {
        return new DeliveryRequest.ConnectorMemory() {
            @Override
            public String recall(String key) {
                return mine.stored().job().connectorState().get(key);
            }

            @Override
            public void remember(String key, String value) {
                synchronized (mine) {
                    Instant now = clock.instant();
                    StoredJob before = mine.stored();
                    PublishJob renewed = before.job().leaseExtended(now.plus(settings.lease()), now)
                            .withConnectorState(key, value, now);
                    mine.update(store.replace(before, renewed).orElseThrow(() -> new LeaseLost(before.job().id())));
                }
            }
        };
    }

    private Credentials credentials(Target target) {
        return TargetCredentials.open(cipher, target);
    }

    /** Our conditional write failed: the lease ran out and another instance took the job. */
    static final class LeaseLost extends RuntimeException {
        final String jobId;

        LeaseLost(String jobId) {
            super("lease lost on " + jobId, null, false, false);
            this.jobId = jobId;
        }
    }
}
