package vn.bhxh.cms.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/**
 * The workbench page: source and translation segment by segment, with progress, outdated segments' word diffs,
 * memory matches, glossary terms, and a second speaker's review. Saves only the segments the translator changed (or
 * confirmed), through the same service as the API.
 */
@PageController
@RequestMapping("/translate/{id}/{language}/segments")
class WorkbenchController {

    /** Memory matches are looked up for at most this many open segments per page view. */
    static final int MAX_SUGGESTED = 100;

    private final SegmentService segments;
    private final Refusals refusals;

    WorkbenchController(SegmentService segments, Refusals refusals) {
        this.segments = segments;
        this.refusals = refusals;
    }

    @GetMapping
    String page(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model) {
        return show(user.actor(), segments.open(user.actor(), id, language), Map.of(), model);
    }

    /**
     * Fields {@code t:<segment>} (the translation), {@code o:<segment>} (the text the page showed) and {@code c:<segment>}
     * (confirm an outdated segment unchanged); only changed or confirmed segments are sent to the service.
     */
    @PostMapping
    String save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        Actor actor = user.actor();
        List<SegmentService.Edit> edits = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("t:")) {
                String segment = name.substring(2);
                typed.put(segment, value);
                String shown = form.getOrDefault("o:" + segment, "");
                if (!value.strip().equals(shown.strip()) || form.containsKey("c:" + segment)) {
                    edits.add(new SegmentService.Edit(segment, value));
                }
            }
        });
        if (edits.isEmpty()) {
            redirect.addFlashAttribute("flash", refusals.message("ui.segment.nothingChanged", locale));
            return "redirect:/translate/" + id + "/" + language + "/segments";
        }
        try {
            segments.save(actor, id, language, Versions.fromIfMatch(form.get("version")), edits, form.get("comment"));
            redirect.addFlashAttribute("flash", refusals.message("ui.product.saved", locale));
            return "redirect:/translate/" + id + "/" + language + "/segments";
        } catch (InvalidSegmentsException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.merge(error.segment(), error.message(), (a, b) -> a + "; " + b));
            model.addAttribute("formError", refusals.text(e, locale));
            return show(actor, segments.open(actor, id, language), typed, errors, model);
        } catch (ApiException | PreconditionFailedException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return show(actor, segments.open(actor, id, language), typed, model);
        } catch (Versions.PreconditionRequiredException e) {
            model.addAttribute("formError", refusals.sentence("if-match-required", locale));
            return show(actor, segments.open(actor, id, language), typed, model);
        }
    }

    @PostMapping("/{segment}/review")
    String review(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @PathVariable String segment, @RequestParam String decision, @RequestParam(required = false) String comment,
            @RequestParam String version, Locale locale, RedirectAttributes redirect) {
        try {
            segments.review(user.actor(), id, language, Versions.fromIfMatch(version), segment,
                    SegmentService.Decision.valueOf(decision), comment);
            redirect.addFlashAttribute("flash", refusals.message("ui.segment.reviewed", locale));
        } catch (ApiException | PreconditionFailedException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        } catch (IllegalArgumentException | Versions.PreconditionRequiredException e) {
            redirect.addFlashAttribute("flashError", refusals.sentence("if-match-required", locale));
        }
        return "redirect:/translate/" + id + "/" + language + "/segments#seg-" + segment;
    }

    private String show(Actor actor, Workbench workbench, Map<String, String> typed, Model model) {
        return show(actor, workbench, typed, Map.of(), model);
    }

    private String show(Actor actor, Workbench workbench, Map<String, String> typed, Map<String, String> errors, Model model) {
        Map<String, List<TranslationMemory.Match>> suggestions = segments.openSuggestions(workbench, MAX_SUGGESTED);
        model.addAttribute("wb", workbench);
        model.addAttribute("version", Versions.etag(workbench.version()));
        model.addAttribute("typed", typed);
        model.addAttribute("segmentErrors", errors);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("reviewer", actor.scopes().languages().contains(workbench.language()));
        model.addAttribute("me", actor.username());
        return "translate/workbench";
    }
}
