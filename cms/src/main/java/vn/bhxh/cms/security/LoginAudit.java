package vn.bhxh.cms.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;

/**
 * Records logins in the audit trail. Every failure is recorded; a success at most once per user per interval,
 * because HTTP Basic clients authenticate on every request.
 */
@Component
class LoginAudit {

    static final Duration SUCCESS_INTERVAL = Duration.ofMinutes(10);

    private final AuditLog audit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    LoginAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        Instant previous = lastSuccess.get(username);
        if (previous == null || previous.plus(SUCCESS_INTERVAL).isBefore(now)) {
            lastSuccess.put(username, now);
            recordQuietly(username, AuditAction.LOGIN_SUCCEEDED);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        recordQuietly(String.valueOf(event.getAuthentication().getName()), AuditAction.LOGIN_FAILED);
    }

    private void recordQuietly(String username, AuditAction action) {
        try {
            audit.record(username, action, null, null, null, null, null, null);
        } catch (RuntimeException e) {
            // Elasticsearch down: the login itself already failed with 503 or succeeded; do not mask that.
        }
    }
}
