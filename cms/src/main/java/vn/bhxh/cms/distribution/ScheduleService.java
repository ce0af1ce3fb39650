package vn.bhxh.cms.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.reference.ReferenceData;
import vn.bhxh.cms.reference.ReferenceItem;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.workflow.WorkflowState;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.schedule.ScheduleRequest;

/** Puts approved variants on the schedule and answers what goes out when, and what went out. */
@Service
public class ScheduleService {

    static final int MAX_TARGETS_PER_REQUEST = 50;
    static final int MAX_CALENDAR_DAYS = 92;
    static final int MAX_FAILED = 100;
    /** A time this far in the past still counts as "now" (the form was open for a while). */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern RELEASE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final PublishSchedule schedule;
    private final ProductService products;
    private final TargetStore targets;
    private final PayloadRenderer payloads;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleService(PublishSchedule schedule, ProductService products, TargetStore targets, PayloadRenderer payloads,
            ReferenceData reference, AuditLog audit, Clock clock) {
        this.schedule = schedule;
        this.products = products;
        this.targets = targets;
        this.payloads = payloads;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    public List<JobView> schedule(Actor actor, ScheduleCommand command) {
        requireScheduler(actor);
        if (command.productId() == null || command.language() == null) {
            throw new BadRequestException("schedule-incomplete");
        }
        if (command.targets() == null || command.targets().isEmpty()) {
            throw new BadRequestException("no-targets");
        }
        List<String> targetIds = List.copyOf(new LinkedHashSet<>(command.targets()));
        if (targetIds.size() > MAX_TARGETS_PER_REQUEST) {
            throw new BadRequestException("too-many-targets", MAX_TARGETS_PER_REQUEST);
        }
        if (command.publishAt() == null) {
            throw new BadRequestException("schedule-incomplete");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(PublishSchedule.VIETNAM));
        if (command.publishAt().isBefore(now.minus(PAST_TOLERANCE))) {
            throw new BadRequestException("publish-time-past", JobView.VIETNAMESE_TIME.format(
                    command.publishAt().atZone(PublishSchedule.VIETNAM)));
        }
        if (command.unpublishAt() != null && !command.unpublishAt().isAfter(command.publishAt())) {
            throw new BadRequestException("unpublish-before-publish");
        }
        if (command.releaseId() != null && !RELEASE_ID.matcher(command.releaseId()).matches()) {
            throw new BadRequestException("invalid-release-id", command.releaseId());
        }
        Variant variant = products.readVariant(actor, command.productId(), command.language());
        if (!variant.state().isReleased()) {
            throw new ConflictException("not-approved", variant.language(), variant.state().name());
        }
        if (variant.outdated()) {
            throw new ConflictException("translation-outdated", variant.language());
        }
        List<ChannelTarget> chosen = targetIds.stream()
                .map(id -> targets.get(id).orElseThrow(() -> new BadRequestException("unknown-target", id))).toList();
        List<ChannelPayload> rendered = payloads.render(variant, chosen);
        Map<String, String> names = chosen.stream().collect(Collectors.toMap(ChannelTarget::id, ChannelTarget::name));
        String campaign = command.campaign() != null ? command.campaign() : variant.product().campaign();
        List<PublishJob> jobs = schedule.schedule(new ScheduleRequest(command.releaseId(), campaign, variant.productId(),
                variant.language(), String.valueOf(variant.revision()), command.publishAt(), command.unpublishAt(), rendered));
        audit.record(actor.username(), AuditAction.SCHEDULED, variant.productId(), variant.language(), null, null, null,
                "targets " + targetIds + " at " + command.publishAt() + " Asia/Ho_Chi_Minh, revision " + variant.revision()
                        + (command.releaseId() == null ? "" : ", release " + command.releaseId()));
        return jobs.stream().map(j -> JobView.of(j, names.get(j.targetId()), false, false)).toList();
    }

    public JobView job(Actor actor, String jobId) {
        PublishJob job = schedule.job(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        products.readVariant(actor, job.productId(), job.language());
        return view(job, true, false);
    }

    /** One job for its page: without the payload, with its delivery log as people read it. */
    public JobView jobWithHistory(Actor actor, String jobId) {
        PublishJob job = schedule.job(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        products.readVariant(actor, job.productId(), job.language());
        return JobView.of(job, targets.get(job.targetId()).map(ChannelTarget::name).orElse(null), false, false, true);
    }

    public JobView retry(Actor actor, String jobId) {
        requireScheduler(actor);
        PublishJob job = schedule.job(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        Variant variant = products.readVariant(actor, job.productId(), job.language());
        if (job.state() == JobState.HELD && !String.valueOf(variant.revision()).equals(job.variantRevision())) {
            // A held job carries the old text; sending it would publish what is no longer approved.
            throw new ConflictException("job-outdated", job.variantRevision(), variant.revision());
        }
        if (job.state() == JobState.HELD && (variant.outdated()
                || !variant.state().isReleased())) {
            throw new ConflictException("not-approved", variant.language(), variant.state().name());
        }
        PublishJob retried = schedule.retry(jobId).orElseThrow(() -> new ConflictException("job-not-retryable", job.state().name()));
        audit.record(actor.username(), AuditAction.JOB_RETRIED, job.productId(), job.language(), job.state().name(), retried.state().name(),
                null, "job " + jobId + " target " + job.targetId());
        return view(retried, false, false);
    }

    public JobView cancel(Actor actor, String jobId, String reason) {
        requireScheduler(actor);
        PublishJob job = schedule.job(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        products.readVariant(actor, job.productId(), job.language());
        String why = reason == null || reason.isBlank() ? "Hủy bởi " + actor.username() + " / cancelled by hand" : reason;
        PublishJob cancelled = schedule.cancel(jobId, why).orElseThrow(() -> new ConflictException("job-not-cancellable", job.state().name()));
        audit.record(actor.username(), AuditAction.JOB_CANCELLED, job.productId(), job.language(), job.state().name(), JobState.CANCELLED.name(),
                why, "job " + jobId + " target " + job.targetId());
        return view(cancelled, false, false);
    }

    /** Failed deliveries, newest first: the dashboard's "needs a person" list. */
    public List<JobView> failed(Actor actor) {
        requireScheduler(actor);
        return views(schedule.failed(MAX_FAILED));
    }

    /** What goes out on these Vietnamese calendar days, per day, beside the campaigns running then. */
    public CalendarView calendar(LocalDate from, LocalDate to, String campaign, String channel) {
        if (to.isBefore(from) || from.plusDays(MAX_CALENDAR_DAYS - 1).isBefore(to)) {
            throw new BadRequestException("calendar-range", MAX_CALENDAR_DAYS);
        }
        Map<LocalDate, List<JobView>> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new ArrayList<>());
        }
        for (JobView job : views(schedule.calendar(from, to, campaign))) {
            if (channel == null || job.channel().id().equalsIgnoreCase(channel)) {
                days.get(job.dueAt().atZone(PublishSchedule.VIETNAM).toLocalDate()).add(job);
            }
        }
        List<CalendarView.Day> list = days.entrySet().stream().map(e -> new CalendarView.Day(e.getKey(), e.getValue())).toList();
        return new CalendarView(from, to, PublishSchedule.VIETNAM.getId(), campaigns(from, to), list);
    }

    private List<CalendarView.Campaign> campaigns(LocalDate from, LocalDate to) {
        List<CalendarView.Campaign> running = new ArrayList<>();
        for (ReferenceItem item : reference.list(ReferenceKind.CAMPAIGNS)) {
            if (item.startMonthDay() == null || item.endMonthDay() == null) {
                continue;
            }
            MonthDay start = MonthDay.parse("--" + item.startMonthDay());
            MonthDay end = MonthDay.parse("--" + item.endMonthDay());
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                LocalDate first = start.atYear(year);
                LocalDate last = end.isBefore(start) ? end.atYear(year + 1) : end.atYear(year);
                if (!last.isBefore(from) && !first.isAfter(to)) {
                    running.add(new CalendarView.Campaign(item.code(), item.nameVi(), item.nameEn(), first, last));
                }
            }
        }
        running.sort(Comparator.comparing(CalendarView.Campaign::start));
        return running;
    }

    /** One line per product, language and target (the latest job of each), and the counts per state. */
    public ReleaseView release(String releaseId) {
        List<PublishJob> jobs = schedule.release(releaseId);
        if (jobs.isEmpty()) {
            throw new NotFoundException("release", releaseId);
        }
        Map<String, PublishJob> latest = new LinkedHashMap<>();
        for (PublishJob job : jobs) {
            latest.merge(job.productId() + "|" + job.language() + "|" + job.targetId(), job,
                    (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b);
        }
        List<JobView> lines = views(List.copyOf(latest.values()));
        Map<JobState, Long> counts = lines.stream().collect(Collectors.groupingBy(JobView::state, TreeMap::new, Collectors.counting()));
        return new ReleaseView(releaseId, counts, lines);
    }

    /**
     * Every job of a product, each revision's with its delivery history: what is scheduled, went out (posted, updated in
     * place, or replaced by a later revision), is held, failed, must be updated by hand, or is still online after a
     * withdrawal; newest revision first.
     */
    public List<JobView> publications(Actor actor, String productId) {
        Map<String, WorkflowState> states = products.readVariants(actor, productId).stream()
                .collect(Collectors.toMap(Variant::language, Variant::state));
        Map<String, String> names = targetNames();
        return schedule.ofProduct(productId).stream().filter(j -> states.containsKey(j.language()))
                .sorted(Comparator.comparing(PublishJob::language).thenComparing(PublishJob::createdAt, Comparator.reverseOrder()))
                .map(j -> JobView.of(j, names.get(j.targetId()), false, j.state() == JobState.DELIVERED
                        && (states.get(j.language()) == WorkflowState.WITHDRAWN || states.get(j.language()) == WorkflowState.ARCHIVED),
                        true))
                .toList();
    }

    private JobView view(PublishJob job, boolean detailed, boolean removeByHand) {
        return JobView.of(job, targets.get(job.targetId()).map(ChannelTarget::name).orElse(null), detailed, removeByHand);
    }

    private List<JobView> views(List<PublishJob> jobs) {
        Map<String, String> names = targetNames();
        return jobs.stream().map(j -> JobView.of(j, names.get(j.targetId()), false, false)).toList();
    }

    private Map<String, String> targetNames() {
        return targets.list().stream().collect(Collectors.toMap(ChannelTarget::id, ChannelTarget::name, (a, b) -> a));
    }

    static void requireScheduler(Actor actor) {
        if (!actor.hasAny(Role.SCHEDULING)) {
            throw new ForbiddenException("forbidden-action", "SCHEDULE");
        }
    }
}
