package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.delivery.TargetDirectory;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Withdrawing a product: jobs not yet sent are cancelled; posts already out are removed where the service
 * allows it; everything else is listed for a person to remove by hand. Removed jobs end CANCELLED with a
 * REMOVED line in their log, so the record of what was published, and when, stays.
 */
public final class Withdrawal {

    private final JobStore store;
    private final Map<Channel, Connector> connectors = new HashMap<>();
    private final TargetDirectory targets;
    private final CredentialCipher cipher;
    private final Clock clock;

    public Withdrawal(JobStore store, List<Connector> connectors, TargetDirectory targets, CredentialCipher cipher, Clock clock) {
        this.store = store;
        connectors.forEach(c -> this.connectors.put(c.channel(), c));
        this.targets = targets;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What withdrawing did: cancelled before sending, removed remotely, to remove by hand, still in flight. */
    public record Report(List<PublishJob> cancelled, List<PublishJob> removed, List<ManualRemoval> manual,
                         List<PublishJob> inFlight) {
    }

    /** A post we could not remove: where it is and why, for the person who will remove it. */
    public record ManualRemoval(PublishJob job, String why) {
    }

    public Report withdraw(String productId, String reason) {
        return withdraw(productId, null, reason);
    }

    /** Withdraws one language variant ({@code language} null: every language of the product). */
    public Report withdraw(String productId, String language, String reason) {
        store.refresh();
        List<PublishJob> cancelled = new ArrayList<>();
        List<PublishJob> removed = new ArrayList<>();
        List<ManualRemoval> manual = new ArrayList<>();
        List<PublishJob> inFlight = new ArrayList<>();
        for (StoredJob stored : store.byProduct(productId)) {
            PublishJob job = stored.job();
            if (language != null && !language.equals(job.language())) {
                continue;
            }
            Instant now = clock.instant();
            switch (job.state()) {
                case PENDING, HELD, PAUSED_TARGET -> store.replace(stored, job.withState(JobState.CANCELLED, now, reason, now))
                        .ifPresentOrElse(s -> cancelled.add(s.job()), () -> inFlight.add(job));
                case CLAIMED -> inFlight.add(job);
                case DELIVERED -> removeRemote(stored, reason, removed, manual);
                default -> { }
            }
        }
        return new Report(cancelled, removed, manual, inFlight);
    }

    /**
     * Removes the posts whose unpublish time has come. Each job is first taken with a conditional write (a lease
     * on the still DELIVERED job), so two instances never remove the same post; a post that needs a person is
     * reported again when that lease ends. Call it every minute or so, from every instance.
     */
    public Report unpublishDue(String owner, Duration lease) {
        List<PublishJob> removed = new ArrayList<>();
        List<ManualRemoval> manual = new ArrayList<>();
        for (StoredJob due : store.dueForUnpublish(clock.instant(), 100)) {
            // Each removal's lease runs from when it is taken: the ones before it may have taken their full time.
            Instant now = clock.instant();
            store.replace(due, due.job().takenForRemoval(owner, now.plus(lease), now)).ifPresent(mine ->
                    removeRemote(mine, "Đã hết thời hạn đăng.", removed, manual));
        }
        return new Report(List.of(), removed, manual, List.of());
    }

    private void removeRemote(StoredJob stored, String reason, List<PublishJob> removed, List<ManualRemoval> manual) {
        PublishJob job = stored.job();
        Target target = targets.find(job.targetId()).orElse(null);
        Connector connector = connectors.get(job.channel());
        if (target == null || connector == null) {
            manual.add(new ManualRemoval(job, "Cần gỡ thủ công: " + job.remoteUrl() + " — đích không còn, hoặc kênh của nó chưa được cài."));
            return;
        }
        DeliveryResult result;
        try {
            result = connector.remove(job, target, TargetCredentials.open(cipher, target));
        } catch (RuntimeException e) {
            result = new DeliveryResult.Permanent(null, null, e.getMessage());
        }
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered) {
            DeliveryAttempt line = new DeliveryAttempt(job.nextAttemptNumber(), "withdrawal", now, now, "REMOVED",
                    result.requestSummary(), result.status(), job.remoteId(), job.remoteUrl(), reason);
            store.replace(stored, job.finished(JobState.CANCELLED, now, line, job.remoteId(), job.remoteUrl(),
                    "Đã gỡ bài: " + reason, now)).ifPresent(s -> removed.add(s.job()));
        } else {
            String why = result.reason();
            manual.add(new ManualRemoval(job, "Cần gỡ thủ công: " + job.remoteUrl() + " — " + why));
        }
    }
}
