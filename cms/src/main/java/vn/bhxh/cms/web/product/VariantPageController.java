package vn.bhxh.cms.web.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.product.ContentDiff;
import vn.bhxh.cms.product.ContentLimits;
import vn.bhxh.cms.product.ProductAccess;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantVersion;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.template.ProductPreviews;
import vn.bhxh.cms.web.ReferenceLists;
import vn.bhxh.cms.web.Refusals;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;

/**
 * One language variant: its text and files, the workflow steps this user may take (with a comment), its language
 * versions beside the Vietnamese source with what changed in the source, its versions, and its channel previews.
 */
@Controller
@RequestMapping("/products/{id}/variants")
class VariantPageController {

    private final ProductService products;
    private final ProductAccess access;
    private final VariantFilesReader files;
    private final ProductPreviews previews;
    private final ReferenceLists reference;
    private final Refusals refusals;
    private final JsonMapper json;

    VariantPageController(ProductService products, ProductAccess access, VariantFilesReader files, ProductPreviews previews,
            ReferenceLists reference, Refusals refusals, JsonMapper json) {
        this.products = products;
        this.access = access;
        this.files = files;
        this.previews = previews;
        this.reference = reference;
        this.refusals = refusals;
        this.json = json;
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
        model.addAttribute("files", files.of(variant));
        model.addAttribute("actions", Arrays.stream(WorkflowAction.values()).filter(a -> access.allows(actor, variant, a)).toList());
        model.addAttribute("editable", variant.state().allowsEditing() && access.canEdit(actor, variant));
        model.addAttribute("canRequestTranslation", variant.isSource() && actor.hasAny(Role.ADMIN, Role.EDITOR));
        // The scheduling service takes approved or published variants that are not outdated, from these roles.
        model.addAttribute("canSchedule", vn.bhxh.cms.web.publishing.JobRows.schedules(actor) && !variant.outdated()
                && (variant.state() == vn.bhxh.cms.workflow.WorkflowState.APPROVED
                        || variant.state() == vn.bhxh.cms.workflow.WorkflowState.PUBLISHED));
        model.addAttribute("canConfirmSource", !variant.isSource() && variant.outdated() && actor.has(Role.APPROVER));
        model.addAttribute("languages", reference.names(ReferenceKind.LANGUAGES, locale));
        model.addAttribute("maxComment", ContentLimits.COMMENT);
        model.addAttribute("mediaTypes", vn.bhxh.media.MediaProfile.values());
        if (!variant.isSource()) {
            model.addAttribute("sourceChanges", products.sourceChangesSince(actor, id, language));
        }
        model.addAttribute("versions", products.versions(actor, id, language));
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

    @GetMapping("/{language}/previews")
    String previews(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model, Locale locale) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        model.addAttribute("variant", variant);
        List<ChannelPreview> shown = new ArrayList<>();
        if (variant.content().hasTitle()) {
            for (Preview preview : previews.all(actor, id, language, PreviewOptions.DEFAULT)) {
                shown.add(ChannelPreview.of(preview, json, "en".equals(locale.getLanguage())));
            }
        }
        model.addAttribute("previews", shown);
        return "products/previews";
    }

    @GetMapping(value = "/{language}/previews/print.pdf")
    ResponseEntity<byte[]> printPdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + id + "-" + language + ".pdf\"")
                .body(previews.printPdf(user.actor(), id, language));
    }

    /**
     * One channel's preview for the page: the payload as readable JSON (the print PDF is linked instead), the broken
     * rules in the page language, and which templates were used.
     */
    record ChannelPreview(String channel, String channelName, boolean publishable, boolean print, String payload,
            List<String> violations, List<String> templates) {

        static ChannelPreview of(Preview preview, JsonMapper json, boolean english) {
            boolean print = preview.payload() instanceof PrintDocument;
            String payload;
            if (preview.payload() instanceof PrintDocument doc) {
                payload = json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("pageSize", doc.pageSize(),
                        "pages", doc.pages(), "headline", String.valueOf(doc.headline()), "qrUrl", String.valueOf(doc.qrUrl())));
            } else {
                payload = json.writerWithDefaultPrettyPrinter().writeValueAsString(preview.payload());
            }
            return new ChannelPreview(preview.channel().id(), preview.channel().vietnameseName(), preview.publishable(), print,
                    payload, preview.violations().stream().map(v -> english ? v.english() : v.vietnamese()).toList(),
                    preview.templates().stream().map(t -> t.resolved().slot().path() + " / " + t.resolved().languageTag()
                            + (t.isOverride() ? " (v" + t.overrideVersion() + ")" : "")).toList());
        }
    }
}
