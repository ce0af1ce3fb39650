package vn.bhxh.cms.distribution;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.feed.AppFeedChannel;

/** Administrators' channel targets: list, create, edit (credentials write-only), test the connection, resume a paused one. */
@PageController
@RequestMapping("/admin/targets")
class TargetAdminPages {

    private final TargetService targets;
    private final Refusals refusals;

    TargetAdminPages(TargetService targets, Refusals refusals) {
        this.targets = targets;
        this.refusals = refusals;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("targets", targets.list(user.actor()));
        return "publishing/targets";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new TargetForm(null, AppFeedChannel.CHANNEL, null, null, null, null, null, null, null));
        return form(model, true);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal AccountPrincipal user, @Valid @ModelAttribute("form") TargetForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        if (form == null || errors.hasErrors()) {
            return form(model, true);
        }
        try {
            targets.create(user.actor(), command(form));
            redirect.addFlashAttribute("flash", refusals.message("ui.targets.saved", locale, form.id()));
            return "redirect:/admin/targets";
        } catch (ApiException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return form(model, true);
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, Model model) {
        TargetView t = targets.get(user.actor(), id);
        model.addAttribute("form", new TargetForm(t.id(), t.channel(), t.name(), t.endpoint(), t.account(), null,
                t.minIntervalSeconds(), String.join(", ", t.adminContacts() == null ? List.of() : t.adminContacts()),
                t.province()));
        model.addAttribute("credentialNames", t.credentialNames());
        model.addAttribute("targetId", t.id());
        return form(model, false);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @Valid @ModelAttribute("form") TargetForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes redirect) {
        model.addAttribute("targetId", id);
        if (form == null || errors.hasErrors()) {
            return form(model, false);
        }
        try {
            targets.update(user.actor(), id, command(form));
            redirect.addFlashAttribute("flash", refusals.message("ui.targets.saved", locale, id));
            return "redirect:/admin/targets";
        } catch (ApiException e) {
            model.addAttribute("formError", refusals.text(e, locale));
            return form(model, false);
        }
    }

    /** One read-only call to the channel with the stored credentials; the answer is shown as a sentence. */
    @PostMapping("/{id}/test")
    String test(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, RedirectAttributes redirect,
            Locale locale) {
        ConnectionCheck.Result result = targets.test(user.actor(), id);
        String detail = result.message() == null ? "" : result.message();
        if (result.ok()) {
            redirect.addFlashAttribute("flash", refusals.message("ui.targets.testOk", locale, id, detail));
        } else {
            redirect.addFlashAttribute("flashError", refusals.message("ui.targets.testFailed", locale, id,
                    result.status() == null ? "—" : result.status(), detail));
        }
        return "redirect:/admin/targets";
    }

    @PostMapping("/{id}/resume")
    String resume(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, RedirectAttributes redirect,
            Locale locale) {
        int resumed = targets.resume(user.actor(), id);
        redirect.addFlashAttribute("flash", refusals.message("ui.targets.resumed", locale, id, resumed));
        return "redirect:/admin/targets";
    }

    private static TargetCommand command(TargetForm form) {
        return new TargetCommand(form.id(), form.channel(), form.name(), form.endpoint(), form.account(), form.credentialMap(),
                form.minIntervalSeconds(), form.contacts(), form.province());
    }

    private static String form(Model model, boolean creating) {
        model.addAttribute("creating", creating);
        model.addAttribute("channels", Channels.all());
        return "publishing/target-form";
    }
}
