package vn.bhxh.cms.preview;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ContentLimits;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.render.ProductRenderer;
import vn.bhxh.templates.template.ConcurrentTemplateChangeException;
import vn.bhxh.templates.template.InvalidTemplateException;
import vn.bhxh.templates.template.ResolvedTemplate;
import vn.bhxh.templates.template.TemplateField;
import vn.bhxh.templates.template.TemplateKey;

/**
 * Administrators override the shipped channel templates per slot and language through the template catalogue, which
 * validates them; a refused template is shown again with its problems as sentences.
 */
@PageController
@RequestMapping("/admin/templates")
class TemplateAdminPages {

    /** The API's limit for one template's source (TemplateAdminController.MAX_TEMPLATE). */
    static final int MAX_TEMPLATE = 20_000;

    private final ProductRenderer renderer;
    private final Refusals refusals;

    TemplateAdminPages(ProductRenderer renderer, Refusals refusals) {
        this.renderer = renderer;
        this.refusals = refusals;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "vi") String language, Model model) {
        requireLanguage(language);
        model.addAttribute("language", language);
        model.addAttribute("slots", Arrays.stream(TemplateSlot.values())
                .map(slot -> new SlotRow(slot.path(), slot.channel().vietnameseName(), renderer.templates().resolve(slot, language)))
                .toList());
        return "admin/templates";
    }

    record SlotRow(String path, String channelName, ResolvedTemplate resolved) {
    }

    @GetMapping("/{language}/{channel}/{slot}")
    String edit(@PathVariable String language, @PathVariable String channel, @PathVariable String slot, Model model) {
        TemplateKey key = key(language, channel, slot);
        ResolvedTemplate resolved = renderer.templates().resolve(key.slot(), key.languageTag());
        return page(model, key, resolved.source(), latestVersion(key));
    }

    @PostMapping("/{language}/{channel}/{slot}")
    String save(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String language, @PathVariable String channel,
            @PathVariable String slot, @RequestParam String source, @RequestParam int expectedVersion, Model model,
            Locale locale, RedirectAttributes redirect) {
        TemplateKey key = key(language, channel, slot);
        boolean english = "en".equals(locale.getLanguage());
        if (source.isBlank() || source.length() > MAX_TEMPLATE) {
            model.addAttribute("problems", List.of(refusals.message("ui.templates.length", locale, MAX_TEMPLATE)));
            return page(model, key, source, expectedVersion);
        }
        try {
            renderer.templates().saveOverride(key, expectedVersion, source, admin.getUsername());
            redirect.addFlashAttribute("flash", refusals.message("ui.templates.saved", locale, key.id()));
            return "redirect:/admin/templates/" + language + "/" + channel + "/" + slot;
        } catch (InvalidTemplateException e) {
            model.addAttribute("problems", e.problems().stream().map(p -> english ? p.english() : p.vietnamese()).toList());
            return page(model, key, source, expectedVersion);
        } catch (ConcurrentTemplateChangeException e) {
            model.addAttribute("problems", List.of(refusals.sentence("template-changed", locale)));
            return page(model, key, source, expectedVersion);
        }
    }

    private String page(Model model, TemplateKey key, String source, int expectedVersion) {
        model.addAttribute("key", key);
        model.addAttribute("path", key.languageTag() + "/" + key.slot().path());
        model.addAttribute("source", source);
        model.addAttribute("expectedVersion", expectedVersion);
        model.addAttribute("history", renderer.templates().history(key));
        model.addAttribute("fields", Arrays.stream(TemplateField.values()).map(Enum::name).toList());
        model.addAttribute("maxLength", MAX_TEMPLATE);
        model.addAttribute("maxComment", ContentLimits.COMMENT);
        return "admin/template-form";
    }

    private int latestVersion(TemplateKey key) {
        return TemplateEtags.latest(renderer.templates(), key);
    }

    private static void requireLanguage(String language) {
        if (!language.matches(ContentLimits.LANGUAGE_TAG)) {
            throw new NotFoundException("language", language);
        }
    }

    private static TemplateKey key(String language, String channel, String slot) {
        requireLanguage(language);
        try {
            return new TemplateKey(TemplateSlot.fromPath(channel + "/" + slot), language);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("template", language + "/" + channel + "/" + slot);
        }
    }
}
