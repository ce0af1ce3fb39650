package vn.bhxh.cms.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bhxh.cms.audit.AuditLog;

/**
 * Refuses API sign-ins (HTTP Basic or a bearer token) while the user name or the client address is blocked, before the
 * password or token is checked: 429 with Retry-After, and the attempt in the audit trail.
 */
class SignInBlockFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";

    private final SignInThrottle throttle;
    private final ProblemAuthenticationEntryPoint problems;
    private final AuditLog audit;

    SignInBlockFilter(SignInThrottle throttle, ProblemAuthenticationEntryPoint problems, AuditLog audit) {
        this.throttle = throttle;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !(header.startsWith(BASIC) || header.startsWith(BEARER))) {
            chain.doFilter(request, response);
            return;
        }
        String username = header.startsWith(BASIC) ? basicUsername(header.substring(BASIC.length())) : null;
        Optional<Duration> wait;
        try {
            wait = throttle.blocked(username, request.getRemoteAddr());
        } catch (RuntimeException storeDown) {
            wait = Optional.empty(); // the sign-in itself will answer 503
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            audit.refused(username, "sign-in-blocked", null, null, request.getRemoteAddr());
        } catch (RuntimeException storeDown) {
            // the refusal still goes out
        }
        problems.tooManyAttempts(request, response, wait.get());
    }

    private static String basicUsername(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
