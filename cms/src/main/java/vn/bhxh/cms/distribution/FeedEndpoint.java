package vn.bhxh.cms.distribution;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.api.Locales;
import vn.bhxh.cms.api.Problems;
import vn.bhxh.publisher.feed.FeedFormat;
import vn.bhxh.publisher.feed.FeedRequest;
import vn.bhxh.publisher.feed.FeedResponse;
import vn.bhxh.publisher.feed.FeedService;

/**
 * The VssID app feed: {@code /api/v1/feeds/vi.json} (JSON Feed 1.1) or {@code .atom}, optionally {@code ?audience=3.1}
 * and {@code &since=<date_modified of the newest item held>}. Public (it is what was published) and answered from
 * memory with ETag/Last-Modified for 304s and cache headers a CDN can follow.
 *
 * <p>A servlet filter in front of everything else rather than a controller: every phone's poll lands here through
 * the app backend, and the security chain and MVC dispatch, which have nothing to decide for a public, read-only
 * answer, cost about as much again as the answer itself.
 */
class FeedEndpoint extends HttpFilter {

    static final String PATH = "/api/v1/feeds";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})?");
    private static final Pattern AUDIENCE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2})?");

    private final FeedService feeds;
    private final MessageSource messages;
    private final JsonMapper json;

    FeedEndpoint(FeedService feeds, MessageSource messages, JsonMapper json) {
        this.feeds = feeds;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", request.getMethod());
            return;
        }
        String file = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
        file = file.startsWith("/") ? file.substring(1) : file;
        int dot = file.lastIndexOf('.');
        String language = dot < 0 ? file : file.substring(0, dot);
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        FeedFormat format = "json".equals(extension) ? FeedFormat.JSON_FEED
                : "atom".equals(extension) || "xml".equals(extension) ? FeedFormat.ATOM : null;
        if (format == null || !LANGUAGE.matcher(language).matches()) {
            problem(request, response, HttpStatus.NOT_FOUND, "not-found", "feed", file);
            return;
        }
        String audience = request.getParameter("audience");
        if (audience != null && !AUDIENCE.matcher(audience).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-audience", audience);
            return;
        }
        String since = request.getParameter("since");
        Instant cursor;
        try {
            cursor = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-since", since);
            return;
        }
        FeedResponse answer = feeds.answer(new FeedRequest(language, audience, format, cursor,
                request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since")));
        response.setStatus(answer.status());
        response.setHeader("ETag", answer.etag());
        response.setHeader("Last-Modified", answer.lastModified());
        response.setHeader("Cache-Control", answer.cacheControl());
        response.setHeader("Vary", answer.vary());
        if (!answer.notModified()) {
            response.setContentType(answer.contentType());
            response.setContentLength(answer.body().length);
            if ("GET".equals(request.getMethod())) {
                response.getOutputStream().write(answer.body());
            }
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason, Object... args)
            throws IOException {
        Locale locale = Locales.requested(request);
        ProblemDetail problem = Problems.of(messages, status, reason, locale, args);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
