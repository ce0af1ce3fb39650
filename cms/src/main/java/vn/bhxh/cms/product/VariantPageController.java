package vn.bhxh.cms.product;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.asset.FileUpload;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.People;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * One language variant: its text and files, the workflow steps this user may take (with a comment), its language
 * versions beside the Vietnamese source with what changed in the source, and its versions (its channel previews are
 * preview pages).
 */
@PageController
@RequestMapping("/products/{id}/variants")
class VariantPageController {

    /** The roles a file of a variant can be given on the page, each named by ui.role.file.<role>. */
    static final List<String> FILE_ROLES = List.of("print-master", "preview", "audio", "video", "cover");

    static final Set<WorkflowAction> DESTRUCTIVE = EnumSet.of(WorkflowAction.ARCHIVE, WorkflowAction.WITHDRAW);

    private final ProductService products;
    private final ProductAccess access;
    private final ReferenceLists reference;
    private final Refusals refusals;
    private final WorkflowHistory history;
    private final People people;

    VariantPageController(ProductService products, ProductAccess access,
            ReferenceLists reference, Refusals refusals, WorkflowHistory history, People people) {
        this.products = products;
        this.history = history;
        this.people = people;
        this.access = access;
        this.reference = reference;
        this.refusals = refusals;
    }

    @GetMapping("/{language}")
    String show(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model, Locale locale) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        List<Variant> variants = products.readVariants(actor, id);
        model.addAttribute("variant", variant);
        model.addAttribute("variants", variants);
        model.addAttribute("etag", Versions.etag(variant.seqNoPrimaryTerm()));
        model.addAttribute("files", products.files(variant));
        List<WorkflowAction> actions = Arrays.stream(WorkflowAction.values()).filter(a -> access.allows(actor, variant, a)).toList();
        // Archive and withdraw take the product away: they sit apart from the day-to-day steps, each behind a confirmation.
        model.addAttribute("actions", actions.stream().filter(a -> !DESTRUCTIVE.contains(a)).toList());
        model.addAttribute("destructive", actions.stream().filter(DESTRUCTIVE::contains).toList());
        model.addAttribute("editable", variant.state().allowsEditing() && access.canEdit(actor, variant));
        model.addAttribute("canRequestTranslation", variant.isSource() && actor.hasAny(Role.ADMIN, Role.EDITOR));
        // The scheduling service takes approved or published variants that are not outdated, from these roles.
        model.addAttribute("canSchedule", actor.hasAny(Role.SCHEDULING) && !variant.outdated() && variant.state().isReleased());
        model.addAttribute("canConfirmSource", !variant.isSource() && variant.outdated() && actor.has(Role.APPROVER));
        model.addAttribute("languages", reference.names(ReferenceKind.LANGUAGES, locale));
        model.addAttribute("topicNames", reference.names(ReferenceKind.TOPICS, locale));
        model.addAttribute("audienceNames", reference.names(ReferenceKind.AUDIENCE_GROUPS, locale));
        model.addAttribute("campaignNames", reference.names(ReferenceKind.CAMPAIGNS, locale));
        model.addAttribute("provinceNames", reference.names(ReferenceKind.PROVINCES, locale));
        model.addAttribute("unitNames", reference.names(ReferenceKind.UNITS, locale));
        model.addAttribute("uploadKind", variant.product().type() == null ? null : variant.product().type().usualMedia());
        model.addAttribute("fileRoles", FILE_ROLES);
        model.addAttribute("uploadRole", variant.product().type() == null ? null : variant.product().type().usualFileRole());
        model.addAttribute("maxComment", ContentLimits.COMMENT);
        model.addAttribute("mediaTypes", FileUpload.KINDS);
        if (!variant.isSource()) {
            model.addAttribute("sourceChanges", products.sourceChangesSince(actor, id, language));
        }
        model.addAttribute("versions", products.versions(actor, id, language));
        List<HistoryEntry> steps = history.of(actor, id, language);
        model.addAttribute("history", steps);
        model.addAttribute("names", people.names(Arrays.asList(variant.reviewedBy(), variant.approvedBy())));
        // A draft whose last step was a rejection says why at the top, for its author to act on.
        if (variant.state() == WorkflowState.DRAFT && !steps.isEmpty() && steps.getFirst().isRejection()) {
            model.addAttribute("rejection", steps.getFirst());
        }
        return "products/variant";
    }

    @PostMapping("/{language}/transition")
    String transition(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam WorkflowAction action, @RequestParam(required = false) String comment, @RequestParam String version,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect, Locale locale) {
        String target = "review".equals(back) ? "/review/" + id + "/" + language : "/products/" + id + "/variants/" + language;
        if (comment != null && comment.length() > ContentLimits.COMMENT) {
            redirect.addFlashAttribute("flashError", refusals.message("ui.workflow.commentTooLong", locale, ContentLimits.COMMENT));
            redirect.addFlashAttribute("comment", comment);
            return "redirect:" + target;
        }
        try {
            products.transition(user.actor(), id, language, Versions.fromIfMatch(version), action, comment);
            redirect.addFlashAttribute("flash", refusals.message("ui.workflow.done",  locale,
                    refusals.message("ui.action." + action, locale)));
        } catch (ApiException | PreconditionFailedException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
            redirect.addFlashAttribute("comment", comment);
        }
        return "redirect:" + target;
    }

    @PostMapping
    String requestTranslation(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @RequestParam String language, RedirectAttributes redirect, Locale locale) {
        if (!language.matches(ContentLimits.LANGUAGE_TAG)) {
            redirect.addFlashAttribute("flashError", refusals.message("ui.translation.badLanguage", locale));
            return "redirect:/products/" + id + "/variants/vi";
        }
        try {
            products.requestTranslation(user.actor(), id, language);
            redirect.addFlashAttribute("flash", refusals.message("ui.translation.requested", locale, language));
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/products/" + id + "/variants/vi";
    }

    @PostMapping("/{language}/confirm-source")
    String confirmSource(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam String version, @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        try {
            products.confirmSource(user.actor(), id, language, Versions.fromIfMatch(version), comment);
            redirect.addFlashAttribute("flash", refusals.message("ui.translation.confirmed", locale));
        } catch (ApiException | PreconditionFailedException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/products/" + id + "/variants/" + language;
    }

    /** The language versions side by side with the Vietnamese source; outdated ones show what changed in the source. */
    @GetMapping("/{language}/compare")
    String compare(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        Variant source = products.readVariant(actor, id, Variant.SOURCE_LANGUAGE);
        model.addAttribute("variant", variant);
        model.addAttribute("source", source);
        model.addAttribute("variants", products.readVariants(actor, id));
        model.addAttribute("sourceChanges", variant.isSource() ? List.of() : products.sourceChangesSince(actor, id, language));
        return "products/compare";
    }

    /** Two revisions of a variant and what changed between them. */
    @GetMapping("/{language}/diff")
    String diff(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam int from, @RequestParam int to, Model model) {
        Actor actor = user.actor();
        VariantVersion before = products.version(actor, id, language, from);
        VariantVersion after = products.version(actor, id, language, to);
        model.addAttribute("variant", products.readVariant(actor, id, language));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("changes", ContentDiff.between(before.content(), after.content()));
        return "products/diff";
    }
}
