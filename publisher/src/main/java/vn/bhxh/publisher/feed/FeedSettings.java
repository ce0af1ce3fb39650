package vn.bhxh.publisher.feed;

import java.time.Duration;

/**
 * {@code baseUrl}: where the cms serves feeds ({@code https://cms.bhxh.gov.vn/api/feeds}); {@code maxAge}: how long a
 * CDN or the app backend may reuse an answer without asking; {@code maxItems}: items per feed page.
 */
public record FeedSettings(String baseUrl, String homePageUrl, Duration maxAge, Duration staleWhileRevalidate, int maxItems) {

    public static FeedSettings defaults(String baseUrl) {
        return new FeedSettings(baseUrl, "https://baohiemxahoi.gov.vn", Duration.ofSeconds(60), Duration.ofMinutes(5), 50);
    }
}
