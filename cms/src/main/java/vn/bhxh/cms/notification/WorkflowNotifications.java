package vn.bhxh.cms.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.product.ProductAccess;
import vn.bhxh.cms.product.ProductStore;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.WorkflowStep;
import vn.bhxh.cms.product.WorkflowStepTaken;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.People;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.UserAccount;
import vn.bhxh.cms.workflow.WorkflowAction;

/**
 * Who hears of a workflow step: a submitted variant its reviewers (those the service would let review it: topics,
 * department, language, four eyes), a reviewed one its approvers, a rejected, approved or published one its authors
 * (with the reason when rejected), a translation request the translators of that language. Never the person who took
 * the step. Runs as the step is recorded; anything that goes wrong here is logged and never reaches that person's
 * action, which has already happened.
 */
@Component
class WorkflowNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowNotifications.class);

    private final Outbox outbox;
    private final MailComposer composer;
    private final People people;
    private final ProductAccess access;
    private final ProductStore products;
    private final ReferenceLists reference;
    private final NotificationProperties properties;

    WorkflowNotifications(Outbox outbox, MailComposer composer, People people, ProductAccess access, ProductStore products,
            ReferenceLists reference, NotificationProperties properties) {
        this.outbox = outbox;
        this.composer = composer;
        this.people = people;
        this.access = access;
        this.products = products;
        this.reference = reference;
        this.properties = properties;
    }

    @EventListener
    void stepTaken(WorkflowStepTaken event) {
        try {
            notify(event.step(), event.variant());
        } catch (RuntimeException e) {
            LOG.warn("Không tạo được thư thông báo / notification not queued: {} {} {}", event.step().variantId(),
                    event.step().action(), e.getMessage());
        }
    }

    /** Answers the e-mails put in the outbox. */
    List<OutgoingMail> notify(WorkflowStep step, Variant variant) {
        if (!properties.enabled()) {
            return List.of();
        }
        List<String> to = switch (step.action()) {
            case "SUBMIT" -> holders(variant.isSource() ? Set.of(Role.REVIEWER) : Set.of(Role.REVIEWER, Role.TRANSLATOR),
                    u -> access.allows(u.actor(), variant, WorkflowAction.REVIEW));
            case "REVIEW" -> holders(Set.of(Role.APPROVER), u -> access.allows(u.actor(), variant, WorkflowAction.APPROVE));
            case "REJECT", "APPROVE", "PUBLISH" -> List.copyOf(variant.editors());
            case WorkflowStep.TRANSLATION_REQUESTED -> holders(Set.of(Role.TRANSLATOR),
                    u -> u.scopes().languages().contains(variant.language()));
            default -> List.of();
        };
        List<String> others = to.stream().filter(u -> !u.equals(step.actor())).distinct().toList();
        if (others.isEmpty()) {
            return List.of();
        }
        return outbox.post(recipients(others), message(step, variant));
    }

    private List<String> holders(Set<Role> roles, Predicate<UserAccount> allowed) {
        return people.withAnyRole(roles).stream().filter(allowed).map(UserAccount::username).toList();
    }

    private List<Recipient> recipients(Collection<String> usernames) {
        Map<String, String> names = people.names(usernames);
        return usernames.stream().map(u -> new Recipient(u, names.getOrDefault(u, u))).toList();
    }

    private MailMessage message(WorkflowStep step, Variant variant) {
        String title = title(variant);
        String languages = reference.names(ReferenceKind.LANGUAGES, MailComposer.VI).getOrDefault(variant.language(), variant.language());
        String what = composer.text("ui.type." + variant.product().type()) + ", " + languages;
        String line = composer.text("mail.line." + step.action(), title, people.name(step.actor()), what, composer.time(step.at()));
        String label = composer.text(step.isRejection() ? "mail.reason" : "mail.comment");
        String page = step.action().equals(WorkflowStep.TRANSLATION_REQUESTED) ? "/translate/" + variant.productId() + "/" + variant.language()
                : "/products/" + variant.productId() + "/variants/" + variant.language();
        return new MailMessage(composer.text("mail.subject." + step.action(), title), line, label, step.comment(),
                properties.link(page));
    }

    /** A translation not written yet has no title of its own: the Vietnamese source's stands for it. */
    private String title(Variant variant) {
        if (variant.content().hasTitle()) {
            return variant.content().title();
        }
        return products.variant(variant.productId(), Variant.SOURCE_LANGUAGE).filter(v -> v.content().hasTitle())
                .map(v -> v.content().title()).orElse(composer.text("ui.untitled"));
    }
}
