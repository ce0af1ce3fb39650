package vn.bhxh.cms.notification;

import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;

/** The signed-in person's profile: where and how often they get e-mail (the same service as the API). */
@PageController
class ProfilePages {

    private final NotificationService notifications;
    private final Refusals refusals;

    ProfilePages(NotificationService notifications, Refusals refusals) {
        this.notifications = notifications;
        this.refusals = refusals;
    }

    @GetMapping("/profile")
    String show(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        NotificationSettings settings = notifications.settings(user.actor());
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", settings.email());
            model.addAttribute("frequency", settings.frequency());
        }
        model.addAttribute("frequencies", NotificationFrequency.values());
        model.addAttribute("maxEmail", NotificationService.MAX_EMAIL);
        return "profile";
    }

    @PostMapping("/profile/notifications")
    String save(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String email,
            @RequestParam(required = false) NotificationFrequency frequency, RedirectAttributes redirect, Locale locale) {
        try {
            notifications.save(user.actor(), email, frequency);
            redirect.addFlashAttribute("flash", refusals.message("ui.profile.saved", locale));
        } catch (ApiException e) {
            // Nothing typed is lost: the form comes back as it was sent, the message next to the address.
            redirect.addFlashAttribute("emailError", refusals.text(e, locale));
            redirect.addFlashAttribute("email", email);
            redirect.addFlashAttribute("frequency", frequency);
        }
        return "redirect:/profile";
    }
}
