package vn.bhxh.cms.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in while its user name or client address is blocked, before the password is checked (so a
 * blocked guesser learns nothing and costs no bcrypt work). The page says how many minutes to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath())) {
            Optional<Duration> wait = throttle.blocked(request.getParameter("username"), request.getRemoteAddr());
            if (wait.isPresent()) {
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + LOGIN + "?blocked=" + minutes);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
