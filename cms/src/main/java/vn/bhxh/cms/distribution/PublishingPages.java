package vn.bhxh.cms.distribution;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.cms.site.WebFormats;
import vn.bhxh.publisher.channels.Channels;

/**
 * The schedule dialog of an approved variant, with the campaign calendar around the chosen day, and the retry and
 * cancel buttons of failed deliveries. Everything goes through the scheduling service, which checks roles, approval
 * and times again.
 */
@PageController
class PublishingPages {

    /** The scheduling service's refusals that are about one field of the form: shown at that field. */
    static final Map<String, String> FIELD_OF_REFUSAL = Map.of("publish-time-past", "publishAt",
            "unpublish-before-publish", "unpublishAt", "no-targets", "targets", "unknown-target", "targets",
            "too-many-targets", "targets", "invalid-release-id", "releaseId");

    private final ScheduleService schedules;
    private final TargetService targets;
    private final ProductService products;
    private final ReferenceLists reference;
    private final Refusals refusals;

    PublishingPages(ScheduleService schedules, TargetService targets, ProductService products, ReferenceLists reference,
            Refusals refusals) {
        this.schedules = schedules;
        this.targets = targets;
        this.products = products;
        this.reference = reference;
        this.refusals = refusals;
    }

    @GetMapping("/products/{id}/variants/{language}/schedule")
    String dialog(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam(required = false) LocalDate day, Model model, Locale locale) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        LocalDateTime suggested = LocalDateTime.now(WebFormats.VIETNAM).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        if (day != null) {
            suggested = day.atTime(8, 0);
        }
        model.addAttribute("form", new ScheduleForm(List.of(), suggested, null, null, variant.product().campaign()));
        return page(actor, variant, suggested.toLocalDate(), model, locale);
    }

    @PostMapping("/products/{id}/variants/{language}/schedule")
    String schedule(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @Valid @ModelAttribute("form") ScheduleForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        // form is null when it could not be built from the request (e.g. an unreadable time): errors say why.
        // A time in the past is refused at its field; the calendar beside it stays on today rather than that old day.
        LocalDate today = LocalDate.now(WebFormats.VIETNAM);
        LocalDate around = form == null || form.publishAt() == null || form.publishAt().toLocalDate().isBefore(today) ? today
                : form.publishAt().toLocalDate();
        if (form == null || errors.hasErrors()) {
            return page(actor, variant, around, model, locale);
        }
        try {
            List<JobView> jobs = schedules.schedule(actor, new ScheduleCommand(id, language, form.targets(), form.publishAt(),
                    form.unpublishAt(), blankToNull(form.releaseId()), blankToNull(form.campaign())));
            redirect.addFlashAttribute("flash", refusals.message("ui.schedule.done", locale, jobs.size(),
                    jobs.isEmpty() ? "" : jobs.getFirst().dueAtVietnam()));
            return "redirect:/products/" + id + "/variants/" + language;
        } catch (ApiException e) {
            String field = FIELD_OF_REFUSAL.get(e.reason());
            if (field != null) {
                errors.rejectValue(field, e.reason(), refusals.text(e, locale));
            } else {
                model.addAttribute("formError", refusals.text(e, locale));
            }
            return page(actor, variant, around, model, locale);
        }
    }

    /**
     * A product's publication history: every revision of each language with each target's delivery, newest first, and
     * what became of each post (posted, updated in place, replaced by a later revision, to update or remove by hand).
     */
    @GetMapping("/products/{id}/publications")
    String publications(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, Model model) {
        Actor actor = user.actor();
        List<Variant> variants = products.readVariants(actor, id);
        model.addAttribute("productId", id);
        model.addAttribute("variants", variants);
        model.addAttribute("title", variants.stream().filter(Variant::isSource).findFirst().orElse(variants.getFirst())
                .content().title());
        model.addAttribute("publications", schedules.publications(actor, id));
        return "publishing/publications";
    }

    @PostMapping("/publishing/jobs/{jobId}/retry")
    String retry(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId, RedirectAttributes redirect,
            Locale locale) {
        try {
            schedules.retry(user.actor(), jobId);
            redirect.addFlashAttribute("flash", refusals.message("ui.jobs.retried", locale));
        } catch (ApiException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/#failed-deliveries";
    }

    @PostMapping("/publishing/jobs/{jobId}/cancel")
    String cancel(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            schedules.cancel(user.actor(), jobId, reason == null || reason.length() > 500 ? null : reason);
            redirect.addFlashAttribute("flash", refusals.message("ui.jobs.cancelled", locale));
        } catch (ApiException | NotFoundException e) {
            redirect.addFlashAttribute("flashError", refusals.text(e, locale));
        }
        return "redirect:/#failed-deliveries";
    }

    private String page(Actor actor, Variant variant, LocalDate around, Model model, Locale locale) {
        model.addAttribute("variant", variant);
        model.addAttribute("targets", targets.list(actor));
        model.addAttribute("campaigns", reference.names(ReferenceKind.CAMPAIGNS, locale));
        // The week of the chosen day, as on the editorial calendar; each day's header chooses that day.
        LocalDate first = CalendarGrid.weekStart(around);
        CalendarView calendar = schedules.calendar(first, first.plusDays(6), null, null);
        model.addAttribute("grid", CalendarGrid.of(calendar, first, first.plusDays(6), null, LocalDate.now(WebFormats.VIETNAM),
                Channels.all(), locale));
        model.addAttribute("scheduleBase", "/products/" + variant.productId() + "/variants/" + variant.language() + "/schedule");
        model.addAttribute("chosenDay", around);
        model.addAttribute("publications", schedules.publications(actor, variant.productId()).stream()
                .filter(j -> j.language().equals(variant.language())).toList());
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "publishing/schedule";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
