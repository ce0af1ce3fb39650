package vn.bhxh.cms.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security of the web pages (the browser chain; the API chain is stateless and has its own rules).
 *
 * @param contentSecurityPolicy sent on every page; it must never allow inline scripts ('unsafe-inline' in script-src),
 *        so pages carry no inline scripts, no inline event handlers and no style attributes
 * @param login how many failed sign-ins are tolerated before further attempts are refused
 */
@ConfigurationProperties("bhxh.security.site")
public record SiteSecurityProperties(
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String contentSecurityPolicy,
        @DefaultValue Login login) {

    /**
     * Sign-in throttling, counted separately per user name and per client address, so guessing one password
     * for many users and many passwords for one user are both slowed down.
     *
     * @param maxFailures failed attempts for one user name tolerated within {@code window}; the next one is refused
     *        unchecked
     * @param maxFailuresPerAddress failed attempts from one client address within {@code window}; higher than per
     *        user, because a whole provincial office may sign in from one address
     * @param window how far back failures are counted
     * @param blockFor how long attempts are refused once a limit is reached
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("5m") Duration window, @DefaultValue("15m") Duration blockFor) {
    }
}
