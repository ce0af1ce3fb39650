package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the cms calls to put variants on the schedule and to take them off. The cms checks that a variant is
 * approved and current before calling {@link #schedule}; this module does not know the workflow.
 */
public final class PublishSchedule {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<JobState> NOT_YET_SENT = Set.of(JobState.PENDING, JobState.HELD, JobState.PAUSED_TARGET);

    private final JobStore store;
    private final Clock clock;

    public PublishSchedule(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates one job per payload. Scheduling the same revision for the same target again returns the existing
     * job (so a double click or a retried request never publishes twice), unless that job was cancelled.
     */
    public List<PublishJob> schedule(ScheduleRequest request) {
        Instant due = request.publishAt().atZone(VIETNAM).toInstant();
        Instant unpublish = request.unpublishAt() == null ? null : request.unpublishAt().atZone(VIETNAM).toInstant();
        Instant now = clock.instant();
        List<PublishJob> jobs = new ArrayList<>();
        for (ChannelPayload payload : request.payloads()) {
            String key = idempotencyKey(request.productId(), request.language(), request.variantRevision(), payload.targetId());
            PublishJob job = PublishJob.pending(key).release(request.releaseId(), request.campaign())
                    .variant(request.productId(), request.language(), request.variantRevision())
                    .payload(payload).due(due, unpublish).createdAt(now);
            StoredJob stored = store.create(job);
            if (stored.job().state() == JobState.CANCELLED) {
                stored = store.replace(stored, job).orElseThrow(() -> new ConcurrentJobChange(key));
            }
            jobs.add(stored.job());
        }
        // The editor looks at the calendar or the dashboard next: make the new jobs visible to searches now.
        store.refresh();
        return jobs;
    }

    /** Stable per variant revision and target: the key remote services see, and the job's id. */
    public static String idempotencyKey(String productId, String language, String revision, String targetId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", productId, language,
                    revision, targetId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Hand operations refresh first: a person acting on what they just saw must not miss a job written a moment ago.

    /** The variant was withdrawn or rejected: its jobs that have not gone out are cancelled, with the reason kept. */
    public List<PublishJob> cancelProduct(String productId, String reason) {
        store.refresh();
        return transition(store.byProduct(productId), j -> NOT_YET_SENT.contains(j.state()), JobState.CANCELLED, reason);
    }

    /** One language variant was withdrawn or archived: its jobs that have not gone out are cancelled. */
    public List<PublishJob> cancelVariant(String productId, String language, String reason) {
        store.refresh();
        return transition(store.byProduct(productId), j -> j.language().equals(language) && NOT_YET_SENT.contains(j.state()),
                JobState.CANCELLED, reason);
    }

    /**
     * The variant may no longer go out as scheduled (it is being edited, or its Vietnamese source changed): every job
     * of that language not yet sent is held until someone reschedules or retries it.
     */
    public List<PublishJob> holdVariant(String productId, String language, String reason) {
        store.refresh();
        return transition(store.byProduct(productId), j -> j.language().equals(language)
                && (j.state() == JobState.PENDING || j.state() == JobState.PAUSED_TARGET), JobState.HELD, reason);
    }

    /** What went out since {@code since} (oldest first), so the cms can mark those variants published. */
    public List<PublishJob> deliveredSince(Instant since, int max) {
        return store.deliveredSince(since, max).stream().map(StoredJob::job).toList();
    }

    /** Failed jobs, most recent first: what someone must look at. */
    public List<PublishJob> failed(int max) {
        return store.byState(JobState.FAILED, max).stream().map(StoredJob::job).toList();
    }

    /** Every job of a product, by due time: what was scheduled, sent, held or cancelled, with delivery logs. */
    public List<PublishJob> ofProduct(String productId) {
        store.refresh();
        return store.byProduct(productId).stream().map(StoredJob::job).toList();
    }

    /** The variant changed: jobs for older revisions of this language are held until someone reschedules. */
    public List<PublishJob> holdOutdated(String productId, String language, String currentRevision, String reason) {
        store.refresh();
        return transition(store.byProduct(productId), j -> j.language().equals(language)
                && !j.variantRevision().equals(currentRevision) && j.state() == JobState.PENDING, JobState.HELD, reason);
    }

    public Optional<PublishJob> cancel(String jobId, String reason) {
        return store.get(jobId).flatMap(s -> transition(List.of(s), j -> NOT_YET_SENT.contains(j.state())
                || j.state() == JobState.FAILED, JobState.CANCELLED, reason).stream().findFirst());
    }

    /** A failed or held job goes out again with a fresh budget of attempts; a delivered one never does. */
    public Optional<PublishJob> retry(String jobId) {
        Instant now = clock.instant();
        return store.get(jobId).filter(s -> s.job().state() == JobState.FAILED || s.job().state() == JobState.HELD)
                .flatMap(s -> store.replace(s, s.job().retriedByHand(now))).map(StoredJob::job);
    }

    /** The target was reconnected: its paused jobs go out again. */
    public List<PublishJob> resumeTarget(String targetId) {
        Instant now = clock.instant();
        List<PublishJob> resumed = new ArrayList<>();
        store.refresh();
        for (StoredJob s : store.byTargetAndState(targetId, JobState.PAUSED_TARGET, 10_000)) {
            store.replace(s, s.job().withState(JobState.PENDING, now, null, now)).ifPresent(n -> resumed.add(n.job()));
        }
        return resumed;
    }

    /** What goes out on the given Vietnamese calendar days (inclusive), optionally for one campaign. */
    public List<PublishJob> calendar(LocalDate from, LocalDate to, String campaign) {
        Instant start = from.atStartOfDay(VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        return store.dueBetween(start, end, campaign, 10_000).stream().map(StoredJob::job).toList();
    }

    /** Jobs due more than {@code grace} ago and still not delivered: for the health endpoint and a metric. */
    public List<PublishJob> missed(Duration grace) {
        return store.overdue(clock.instant().minus(grace), 1000).stream().map(StoredJob::job).toList();
    }

    /** One line per product and target of a release. */
    public List<PublishJob> release(String releaseId) {
        store.refresh();
        return store.byRelease(releaseId).stream().map(StoredJob::job).toList();
    }

    public Optional<PublishJob> job(String jobId) {
        return store.get(jobId).map(StoredJob::job);
    }

    private List<PublishJob> transition(List<StoredJob> jobs, Predicate<PublishJob> applies,
                                        JobState to, String reason) {
        Instant now = clock.instant();
        Function<PublishJob, PublishJob> change = j -> j.withState(to, j.claimableAt(), reason, now);
        List<PublishJob> changed = new ArrayList<>();
        for (StoredJob s : jobs) {
            if (applies.test(s.job())) {
                store.replace(s, change.apply(s.job())).ifPresent(n -> changed.add(n.job()));
            }
        }
        return changed;
    }

    /** Someone changed the job between our read and our write; the caller may simply retry. */
    public static final class ConcurrentJobChange extends RuntimeException {
        ConcurrentJobChange(String jobId) {
            super("Công việc " + jobId + " vừa bị thay đổi / job was changed concurrently");
        }
    }
}
