package vn.bhxh.cms.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.Locales;
import vn.bhxh.cms.api.Problems;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.ElasticsearchUnavailableException;

/**
 * Answers failed API authentication with problem+json: 401 for wrong or missing credentials, 503 when the
 * user store (Elasticsearch) could not be asked, so a client knows to retry rather than re-enter a password.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final MessageSource messages;
    private final JsonMapper json;
    private final AuditLog audit;

    ProblemAuthenticationEntryPoint(MessageSource messages, JsonMapper json, AuditLog audit) {
        this.messages = messages;
        this.json = json;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        // An internal failure is one of the user store, never of the caller's credentials.
        boolean storeDown = e instanceof InternalAuthenticationServiceException
                && (e.getCause() instanceof DataAccessException || e.getCause() instanceof ElasticsearchUnavailableException);
        HttpStatus status = storeDown ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
        write(request, response, status, storeDown ? "storage-unavailable" : "unauthenticated");
    }

    /** Signed in, but the role does not reach this endpoint family. */
    void deny(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        try {
            audit.refused(who == null ? null : who.getName(), "role", null, null, request.getMethod() + " " + request.getRequestURI());
        } catch (RuntimeException storeDown) {
            // Elasticsearch down: the refusal itself still goes out.
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    /** 429: sign-ins from this user name or address are refused for a while; says how many minutes. */
    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        ProblemDetail problem = Problems.of(messages, HttpStatus.TOO_MANY_REQUESTS, "sign-in-blocked", Locales.requested(request),
                minutes);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type)
            throws IOException {
        boolean storeDown = status == HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = Problems.of(messages, status, type, Locales.requested(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (storeDown) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        } else if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"BHXH CMS\"");
        }
        // JSON is UTF-8 by definition (RFC 8259); no charset parameter, as Spring MVC writes problems.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
