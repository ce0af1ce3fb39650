package vn.bhxh.cms.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.security.AccountPrincipal;

/**
 * The signed-in person's own e-mail settings: their address and how often ({@code IMMEDIATE}, {@code DAILY_DIGEST},
 * {@code NONE}). The same service as the profile page.
 */
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record SettingsView(String email, NotificationFrequency frequency) {
        static SettingsView of(NotificationSettings settings) {
            return new SettingsView(settings.email(), settings.frequency());
        }
    }

    record SettingsRequest(@Size(max = NotificationService.MAX_EMAIL) String email, NotificationFrequency frequency) {
    }

    @GetMapping
    SettingsView get(@AuthenticationPrincipal AccountPrincipal user) {
        return SettingsView.of(notifications.settings(user.actor()));
    }

    @PutMapping
    SettingsView put(@AuthenticationPrincipal AccountPrincipal user, @Valid @RequestBody SettingsRequest request) {
        return SettingsView.of(notifications.save(user.actor(), request.email(), request.frequency()));
    }
}
