package vn.bhxh.cms.translation;

import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/** A language's glossary page: the terms for everyone who works on the language, the form for its reviewers. */
@PageController
@RequestMapping("/translate/glossary/{language}")
class GlossaryPageController {

    private final Glossary glossary;
    private final SegmentService segments;
    private final Refusals refusals;

    GlossaryPageController(Glossary glossary, SegmentService segments, Refusals refusals) {
        this.glossary = glossary;
        this.segments = segments;
        this.refusals = refusals;
    }

    @GetMapping
    String page(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language, Model model) {
        model.addAttribute("terms", glossary.terms(user.actor(), language));
        model.addAttribute("language", language);
        model.addAttribute("languageName", segments.languageName(language));
        model.addAttribute("maintainer", glossary.maintains(user.actor(), language));
        return "translate/glossary";
    }

    @PostMapping
    String save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language, @RequestParam String term,
            @RequestParam String translation, @RequestParam(required = false) String note, Locale locale,
            RedirectAttributes redirect) {
        try {
            glossary.save(user.actor(), language, term, translation, note);
            redirect.addFlashAttribute("flash", refusals.message("ui.product.saved", locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/translate/glossary/" + language;
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String language, @RequestParam String term,
            Locale locale, RedirectAttributes redirect) {
        try {
            glossary.delete(user.actor(), language, term);
            redirect.addFlashAttribute("flash", refusals.message("ui.glossary.deleted", locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/translate/glossary/" + language;
    }
}
