package vn.bhxh.cms.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.Locales;
import vn.bhxh.cms.api.Problems;
import vn.bhxh.cms.elasticsearch.ElasticsearchUnavailableException;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Elasticsearch unreachable while a request reads or saves its web session ({@link ElasticsearchSessionRepository}):
 * that happens in the filters, before any controller and after it, where neither the API's problem handler nor the
 * pages' error advice reaches, and Spring Boot's error page would read the session again and fail the same way (a
 * bare 500). Answered here instead, as the rest of the application answers an outage: 503 with {@code Retry-After},
 * problem+json for the API and the actuator, a page of its own for the pages (no template, no session: Vietnamese
 * first, then English, for whoever the session would have said the reader is).
 * <p>
 * Until this instance is ready (its indices found or created, the start-up data written), every request but the health
 * checks and static files is answered the same way, before it can write anything: a write through an alias that does
 * not exist yet makes Elasticsearch create a plain index under the alias's name, with guessed mappings, which start-up
 * would then have to migrate, dropping what was written meanwhile (sign-ins lost their sessions that way); and before
 * the first administrator is written, a correct password would be refused. The readiness check says OUT_OF_SERVICE
 * all that time, so behind a load balancer no user meets this.
 */
final class StorageOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(StorageOutageFilter.class);

    private final MessageSource messages;
    private final JsonMapper json;
    private final IndexInitializer indices;

    StorageOutageFilter(MessageSource messages, JsonMapper json, IndexInitializer indices) {
        this.messages = messages;
        this.json = json;
        this.indices = indices;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (!indices.isReady() && !servedBeforeReady(request)) {
                throw new ElasticsearchUnavailableException("This instance is still preparing its indices and start-up data");
            }
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!storeDown(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Answered 503 (Elasticsearch unavailable, or this instance not ready yet): {}", e.getMessage());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            // reset() took whatever headers were set; the security headers are written only when the answer goes out.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            if (machineReadable(request)) {
                ProblemDetail problem = Problems.of(messages, HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                        Locales.requested(request));
                problem.setInstance(URI.create(request.getRequestURI()));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), problem);
            } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream().write(page().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Health checks (a load balancer asks them while the instance starts) and static files touch no index. */
    private static boolean servedBeforeReady(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/fonts/") || path.startsWith("/images/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    private static boolean machineReadable(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/");
    }

    /** The request's path inside the application. */
    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private String page() {
        Locale vi = Locale.forLanguageTag("vi");
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title><link rel="stylesheet" href="/css/app.css"></head>
                <body><main id="main" class="narrow">
                <h1>%1$s</h1><p class="error-box" role="alert">%2$s</p>
                <div lang="en"><h2>%3$s</h2><p>%4$s</p></div>
                </main></body></html>
                """.formatted(text("ui.error.unavailable.title", vi), text("ui.error.unavailable.text", vi),
                text("ui.error.unavailable.title", Locale.ENGLISH), text("ui.error.unavailable.text", Locale.ENGLISH));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), StandardCharsets.UTF_8.name());
    }

    /** The session store's own failures, as the Elasticsearch client reports them, whatever wraps them. */
    static boolean storeDown(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ElasticsearchUnavailableException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
