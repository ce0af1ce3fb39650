package vn.bhxh.publisher.feed;

import java.time.Instant;
import java.util.Set;

/**
 * One published item as the VssID app backend sees it. {@code audiences} holds the audience group codes
 * (e.g. "3.1" farmers, "4" pupils and students); empty means everyone.
 */
public record FeedItem(String id, String language, Set<String> audiences, String title, String contentHtml,
                       String summary, String url, String imageUrl, Instant published, Instant updated) {

    public FeedItem {
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
    }

    boolean visibleTo(String audience) {
        return audience == null || audiences.isEmpty() || audiences.contains(audience);
    }
}
