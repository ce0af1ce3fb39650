package vn.bhxh.cms.distribution;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Tells a target's admins what needs them: a notice they see in the CMS (API and dashboard), an audit entry, and a
 * warning in the log for operations.
 */
@Component
class NoticeBoard implements TargetAdminNotifier {

    private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);
    static final int MAX_NOTICES = 100;

    private final ElasticsearchOperations operations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeBoard(ElasticsearchOperations operations, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.operations = operations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void targetPaused(Target target, String reason) {
        // The reason is a sentence of its own saying what to fix; the notice adds what happens to the waiting posts.
        String message = "Đã tạm dừng đăng lên “" + target.name() + "”. " + reason
                + " Các bài đang chờ sẽ được đăng khi bấm Tiếp tục gửi.";
        post(Notice.TARGET_PAUSED, target, null, message);
        events.publishEvent(new PublishingProblem(PublishingProblem.Kind.TARGET_PAUSED, target.id(), target.name(), null, null, null,
                reason, target.adminContacts(), clock.instant()));
    }

    /** Whoever scheduled the product for this target (the newest scheduling in the audit trail) and the target's admins. */
    @Override
    public void deliveryFailed(Target target, PublishJob job, String reason) {
        List<String> recipients = new ArrayList<>(target.adminContacts());
        audit.search(new AuditLog.AuditFilter(null, AuditAction.SCHEDULED.name(), job.productId(), job.language(), null, null), 0, 1)
                .stream().map(AuditEvent::actor).forEach(recipients::add);
        events.publishEvent(new PublishingProblem(PublishingProblem.Kind.DELIVERY_FAILED, target.id(), target.name(), job.productId(),
                job.language(), job.id(), reason, recipients, clock.instant()));
    }

    @Override
    public void deliveryOverdue(Target target, String jobId, String detail) {
        post(Notice.DELIVERY_OVERDUE, target, jobId, "\"" + target.name() + "\": " + detail);
    }

    /** A new revision the service would not apply to the post already there: a person must change it, at its address. */
    @Override
    public void updateByHand(Target target, String jobId, String detail) {
        post(Notice.MANUAL_UPDATE, target, jobId, "\"" + target.name() + "\": " + detail);
    }

    /** A withdrawn product's post the service does not let us remove: a person must, at this URL. */
    void manualRemoval(Target target, String jobId, String detail) {
        post(Notice.MANUAL_REMOVAL, target, jobId, detail);
    }

    /** Withdrawn while deliveries were running: their posts may be online now and must be checked. */
    void withdrawalRace(String productId, String language, List<String> targetIds) {
        String message = "Sản phẩm " + productId + " (" + language + ") bị rút khi đang đăng lên " + targetIds
                + ": kiểm tra và gỡ bài nếu đã lên / withdrawn while being delivered: check and remove the posts";
        log.warn(message);
        operations.save(new Notice(UUID.randomUUID().toString(), Notice.MANUAL_REMOVAL, List.of(), null, null, message, clock.instant()));
    }

    private void post(String kind, Target target, String jobId, String message) {
        log.warn("{} {} {}: {}", kind, target.id(), jobId == null ? "" : jobId, message);
        operations.save(new Notice(UUID.randomUUID().toString(), kind, target.adminContacts(), target.id(), jobId, message,
                clock.instant()));
        audit.record("system", AuditAction.valueOf(kind), null, null, null, null, message, "target " + target.id() + (jobId == null ? "" : ", job " + jobId));
    }

    /** The newest notices for this person: addressed to them, or to nobody in particular when they are an admin. */
    List<Notice> forActor(Actor actor) {
        operations.indexOps(Notice.class).refresh();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> {
                    b.should(s -> s.term(t -> t.field("recipients").value(actor.username())));
                    if (actor.has(Role.ADMIN)) {
                        b.should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("recipients")))));
                    }
                    return b.minimumShouldMatch("1");
                }))
                .withPageable(PageRequest.of(0, MAX_NOTICES, Sort.by(Sort.Direction.DESC, "createdAt")))
                .build();
        return operations.search(query, Notice.class).stream().map(SearchHit::getContent).toList();
    }
}
