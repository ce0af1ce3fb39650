package vn.bhxh.cms.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;

/** Authenticates {@code Authorization: Bearer bhxh_…} API tokens. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final UserAccountStore accounts;
    private final AuthenticationEntryPoint entryPoint;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    TokenAuthenticationFilter(ApiTokenService tokens, UserAccountStore accounts, AuthenticationEntryPoint entryPoint,
            SignInThrottle throttle, AuditLog audit) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.entryPoint = entryPoint;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            UserAccount account = tokens.authenticate(header.substring(BEARER.length()).strip())
                    .flatMap(accounts::find)
                    .filter(UserAccount::enabled)
                    .orElseThrow(() -> new BadCredentialsException("invalid token"));
            AccountPrincipal principal = new AccountPrincipal(account);
            var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(authentication);
        } catch (BadCredentialsException e) {
            SecurityContextHolder.clearContext();
            // A bad token names no user: it counts against the client address, and is audited like a bad password.
            try {
                throttle.failed(null, request.getRemoteAddr());
                audit.record(null, AuditAction.LOGIN_FAILED, null, null, null, null, null, "API token from " + request.getRemoteAddr());
            } catch (RuntimeException storeDown) {
                // the 401 still goes out
            }
            entryPoint.commence(request, response, e);
            return;
        } catch (DataAccessException e) {
            entryPoint.commence(request, response,
                    new InternalAuthenticationServiceException(e.getMessage(), e));
            return;
        }
        chain.doFilter(request, response);
    }
}
