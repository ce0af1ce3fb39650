package vn.bhxh.cms.translation;

import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.product.WorkLists;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/**
 * Translators: the work per language and the queue of their languages, the source and the translation side by side, and export/import of the
 * texts as JSON or XLIFF 2.0 through the same exchange the API uses.
 */
@PageController
@RequestMapping("/translate")
class TranslateController {

    private final WorkLists lists;
    private final ProductService products;
    private final TranslationExchange exchange;
    private final Refusals refusals;
    private final ReferenceLists reference;
    private final TranslatorDashboard dashboard;

    TranslateController(WorkLists lists, ProductService products, TranslationExchange exchange, Refusals refusals,
            ReferenceLists reference, TranslatorDashboard dashboard) {
        this.reference = reference;
        this.dashboard = dashboard;
        this.lists = lists;
        this.products = products;
        this.exchange = exchange;
        this.refusals = refusals;
    }

    /** The queue with, above it, the work per language the translator is scoped to (one page for all of them). */
    @GetMapping
    String queue(@AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        Map<String, String> names = reference.names(ReferenceKind.LANGUAGES, locale);
        List<Variant> items = lists.toTranslate(user.actor());
        model.addAttribute("items", items);
        model.addAttribute("sourceTitles", products.sourceTitles(items.stream().map(Variant::productId).toList()));
        model.addAttribute("dashboard", dashboard.build(user.actor(), items, lists.awaitingReview(user.actor()), names));
        model.addAttribute("languageNames", names);
        model.addAttribute("languages", user.actor().scopes().languages().stream().map(l -> names.getOrDefault(l, l)).sorted().toList());
        Map<String, String> mine = new java.util.TreeMap<>();
        user.actor().scopes().languages().forEach(l -> mine.put(l, names.getOrDefault(l, l)));
        model.addAttribute("myLanguages", mine);
        model.addAttribute("limit", WorkLists.MAX_ITEMS);
        return "translate/queue";
    }

    @GetMapping("/{id}/{language}")
    String edit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language, Model model,
            Locale locale) {
        Variant variant = products.readVariant(user.actor(), id, language);
        VariantContent c = variant.content();
        model.addAttribute("form", new TranslationForm(c.title(), c.summary(), c.body(), null, Versions.etag(variant.seqNoPrimaryTerm())));
        return page(user.actor(), variant, model, locale);
    }

    @PostMapping("/{id}/{language}")
    String save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @Valid @ModelAttribute("form") TranslationForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        if (errors.hasErrors()) {
            return page(actor, variant, model, locale);
        }
        try {
            products.editContent(actor, id, language, Versions.fromIfMatch(form.version()),
                    new VariantContent(form.title(), form.summary(), form.body(), variant.content().assets()), form.comment());
            redirect.addFlashAttribute("flash", refusals.message("ui.product.saved", locale));
            return "redirect:/translate/" + id + "/" + language;
        } catch (ApiException | PreconditionFailedException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return page(actor, variant, model, locale);
        } catch (Versions.PreconditionRequiredException e) {
            model.addAttribute("formError", refusals.sentence("if-match-required", locale));
            return page(actor, variant, model, locale);
        }
    }

    @GetMapping("/{id}/{language}/export")
    ResponseEntity<String> export(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam(defaultValue = "json") String format) {
        boolean xliff = "xliff".equals(format);
        TranslationExchange.Export export = exchange.export(user.actor(), id, language, xliff);
        return ResponseEntity.ok()
                .header("Content-Type", xliff ? "application/xliff+xml;charset=UTF-8" : "application/json;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "." + language + (xliff ? ".xlf" : ".json") + "\"")
                .body(export.body());
    }

    /** The import is judged against the variant's current version: the file itself says which source revision it came from. */
    @PostMapping("/{id}/{language}/import")
    String importFile(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale) throws IOException {
        Actor actor = user.actor();
        try {
            if (file.isEmpty()) {
                throw new InvalidTranslationFileException(refusals.message("ui.translate.emptyFile", locale));
            }
            if (file.getSize() > TranslationExchange.MAX_FILE_BYTES) {
                throw new InvalidTranslationFileException(refusals.message("ui.translate.tooLarge", locale,
                        TranslationExchange.MAX_FILE_BYTES / 1000));
            }
            byte[] body = file.getBytes();
            String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
            boolean xliff = start.startsWith("<") || String.valueOf(file.getOriginalFilename()).endsWith(".xlf");
            Variant current = products.readVariant(actor, id, language);
            exchange.importFile(actor, id, language, current.seqNoPrimaryTerm(), body, xliff);
            redirect.addFlashAttribute("flash", refusals.message("ui.translate.imported", locale));
        } catch (InvalidTranslationFileException e) {
            redirect.addFlashAttribute("flashError", refusals.sentence("invalid-file", locale, e.getMessage()));
        } catch (ApiException | PreconditionFailedException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/translate/" + id + "/" + language;
    }

    private String page(Actor actor, Variant variant, Model model, Locale locale) {
        model.addAttribute("variant", variant);
        model.addAttribute("languageName", reference.names(ReferenceKind.LANGUAGES, locale).getOrDefault(variant.language(), variant.language()));
        model.addAttribute("source", products.readVariant(actor, variant.productId(), Variant.SOURCE_LANGUAGE));
        model.addAttribute("sourceChanges", products.sourceChangesSince(actor, variant.productId(), variant.language()));
        return "translate/edit";
    }
}
