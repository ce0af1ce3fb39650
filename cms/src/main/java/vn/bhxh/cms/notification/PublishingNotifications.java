package vn.bhxh.cms.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.distribution.PublishingProblem;
import vn.bhxh.cms.product.ProductStore;
import vn.bhxh.cms.security.People;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.UserAccount;

/**
 * A paused target or a failed delivery: the administrators, the target's admins and (for a delivery) whoever scheduled
 * it hear of it, with the reason and a link to the dashboard that lists failed deliveries (or the target's page).
 * Runs on the publisher's thread after the outcome is recorded; what goes wrong here is only logged.
 */
@Component
class PublishingNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingNotifications.class);

    private final Outbox outbox;
    private final MailComposer composer;
    private final People people;
    private final ProductStore products;
    private final NotificationProperties properties;

    PublishingNotifications(Outbox outbox, MailComposer composer, People people, ProductStore products,
            NotificationProperties properties) {
        this.outbox = outbox;
        this.composer = composer;
        this.people = people;
        this.products = products;
        this.properties = properties;
    }

    @EventListener
    void problem(PublishingProblem problem) {
        try {
            notify(problem);
        } catch (RuntimeException e) {
            LOG.warn("Không tạo được thư báo sự cố đăng bài / publishing notification not queued: {} {} {}", problem.kind(),
                    problem.targetId(), e.getMessage());
        }
    }

    List<OutgoingMail> notify(PublishingProblem problem) {
        if (!properties.enabled()) {
            return List.of();
        }
        List<String> to = new ArrayList<>(problem.recipients());
        people.withAnyRole(Set.of(Role.ADMIN)).stream().map(UserAccount::username).forEach(to::add);
        List<String> usernames = to.stream().distinct().toList();
        Map<String, String> names = people.names(usernames);
        List<Recipient> recipients = usernames.stream().map(u -> new Recipient(u, names.getOrDefault(u, u))).toList();
        String when = composer.time(problem.at());
        MailMessage message = switch (problem.kind()) {
            case TARGET_PAUSED -> new MailMessage(composer.text("mail.subject.TARGET_PAUSED", problem.targetName()),
                    composer.text("mail.line.TARGET_PAUSED", problem.targetName(), when, problem.reason()), null, null,
                    properties.link("/admin/targets/" + problem.targetId()));
            case DELIVERY_FAILED -> {
                String title = products.variant(problem.productId(), problem.language()).filter(v -> v.content().hasTitle())
                        .map(v -> v.content().title()).orElse(problem.productId());
                yield new MailMessage(composer.text("mail.subject.DELIVERY_FAILED", title),
                        composer.text("mail.line.DELIVERY_FAILED", title, problem.targetName(), when, problem.reason()), null, null,
                        properties.link("/#failed-deliveries"));
            }
        };
        return outbox.post(recipients, message);
    }
}
