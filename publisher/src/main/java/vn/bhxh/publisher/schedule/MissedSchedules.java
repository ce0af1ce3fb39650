package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetDirectory;
import vn.bhxh.publisher.job.PublishJob;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes missed schedules loud: jobs not delivered within {@code grace} after they were due. The cms calls
 * {@link #check()} every minute or so, exposes {@link #lastCount()} as a metric and on its health endpoint;
 * each missed job's target admins are told once (per instance).
 */
public final class MissedSchedules {

    private final PublishSchedule schedule;
    private final TargetDirectory targets;
    private final TargetAdminNotifier notifier;
    private final Duration grace;
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private volatile int lastCount;

    public MissedSchedules(PublishSchedule schedule, TargetDirectory targets, TargetAdminNotifier notifier, Duration grace) {
        this.schedule = schedule;
        this.targets = targets;
        this.notifier = notifier;
        this.grace = grace;
    }

    public List<PublishJob> check() {
        List<PublishJob> missed = schedule.missed(grace);
        lastCount = missed.size();
        for (PublishJob job : missed) {
            if (told.add(job.id())) {
                targets.find(job.targetId()).ifPresent(target -> notifier.deliveryOverdue(target, job.id(),
                        "Chưa đăng sau hạn " + grace.toMinutes() + " phút: " + job.productId() + " (" + job.language() + ") — "
                                + job.state() + (job.reason() == null ? "" : ", " + job.reason())
                                + " / not delivered " + grace.toMinutes() + " min after its time"));
            }
        }
        return missed;
    }

    public int lastCount() {
        return lastCount;
    }
}
