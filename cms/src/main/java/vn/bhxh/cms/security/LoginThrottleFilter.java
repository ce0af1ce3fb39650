package vn.bhxh.cms.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bhxh.cms.audit.AuditLog;

/**
 * Refuses a sign-in while its user name or client address is blocked, before the password is checked (so a
 * blocked guesser learns nothing and costs no bcrypt work). The page says how many minutes to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final SignInThrottle throttle;
    private final AuditLog audit;

    LoginThrottleFilter(SignInThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath())) {
            Optional<Duration> wait;
            try {
                wait = throttle.blocked(request.getParameter("username"), request.getRemoteAddr());
            } catch (RuntimeException storeDown) {
                wait = Optional.empty(); // the sign-in itself will say the store is unavailable
            }
            if (wait.isPresent()) {
                try {
                    audit.refused(request.getParameter("username"), "sign-in-blocked", null, null, request.getRemoteAddr());
                } catch (RuntimeException storeDown) {
                    // the refusal still goes out
                }
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + LOGIN + "?blocked=" + minutes);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
