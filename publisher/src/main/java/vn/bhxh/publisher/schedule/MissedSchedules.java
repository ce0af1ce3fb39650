package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetDirectory;
import vn.bhxh.publisher.job.PublishJob;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PublishSchedule.VIETNAM);

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
                targets.find(job.targetId()).ifPresent(target -> notifier.deliveryOverdue(target, job.id(), sentence(job)));
            }
        }
        return missed;
    }

    /** What a person reads: the post by its title and time, and why it has not gone out, in words (no ids, no codes). */
    String sentence(PublishJob job) {
        String title = job.payload() == null || job.payload().title() == null || job.payload().title().isBlank()
                ? "Bài" : "«" + job.payload().title() + "»";
        String why = switch (job.state()) {
            case PAUSED_TARGET -> "kênh đang tạm dừng vì khóa truy cập của kênh bị từ chối hoặc chưa dùng được";
            case HELD -> "bài đang bị giữ lại";
            case CLAIMED -> "đang gửi";
            case FAILED -> "gửi không thành công";
            default -> "đang chờ gửi lại";
        };
        return title + " hẹn đăng lúc " + TIME.format(job.dueAt()) + " vẫn chưa lên sau " + grace.toMinutes() + " phút: " + why
                + (job.reason() == null || job.reason().isBlank() ? "." : ". " + job.reason());
    }

    public int lastCount() {
        return lastCount;
    }
}
