package vn.bhxh.cms.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the throttle from every password sign-in, whether through the web form or HTTP Basic on the API (both
 * publish these events with the client's address in the details).
 */
@Component
class SignInThrottleEvents {

    private final SignInThrottle throttle;

    SignInThrottleEvents(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return; // the user store could not be asked: nobody guessed anything
        }
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        quietly(() -> throttle.failed(event.getAuthentication().getName(), address));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        quietly(() -> throttle.succeeded(event.getAuthentication().getName()));
    }

    private static void quietly(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            // Elasticsearch down: the sign-in already failed with 503 or succeeded; do not mask that.
        }
    }
}
