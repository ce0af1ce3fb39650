package vn.bhxh.cms.publishing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.publisher.feed.FeedFormat;
import vn.bhxh.publisher.feed.FeedRequest;
import vn.bhxh.publisher.feed.FeedResponse;
import vn.bhxh.publisher.feed.FeedService;

/**
 * The VssID app feed: {@code /api/v1/feeds/vi.json} (JSON Feed 1.1) or {@code .atom}, optionally {@code ?audience=3.1}
 * and {@code &since=<date_modified of the newest item held>}. Public (it is what was published), answered from
 * memory, with ETag/Last-Modified for 304s and cache headers a CDN can follow.
 */
@RestController
class FeedController {

    static final String PATH = "/api/v1/feeds";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})?");
    private static final Pattern AUDIENCE = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,2})?");

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping(PATH + "/{file}")
    void feed(@PathVariable String file, @RequestParam(required = false) String audience,
            @RequestParam(required = false) String since, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        String language = dot < 0 ? file : file.substring(0, dot);
        FeedFormat format = switch (dot < 0 ? "" : file.substring(dot + 1)) {
            case "json" -> FeedFormat.JSON_FEED;
            case "atom", "xml" -> FeedFormat.ATOM;
            default -> throw new NotFoundException("feed", file);
        };
        if (!LANGUAGE.matcher(language).matches()) {
            throw new NotFoundException("feed", file);
        }
        if (audience != null && !AUDIENCE.matcher(audience).matches()) {
            throw new BadRequestException("invalid-audience", audience);
        }
        Instant cursor;
        try {
            cursor = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid-since", since);
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
            response.getOutputStream().write(answer.body());
        }
    }
}
