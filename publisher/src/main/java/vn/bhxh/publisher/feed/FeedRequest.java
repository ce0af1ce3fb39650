package vn.bhxh.publisher.feed;

import java.time.Instant;

/**
 * A feed request as the HTTP layer parsed it. {@code audience} null means every audience; {@code since}
 * (the cursor: the {@code date_modified} of the newest item the client has) null means the latest items.
 * {@code ifNoneMatch} and {@code ifModifiedSince} are the raw header values, or null.
 */
public record FeedRequest(String language, String audience, FeedFormat format, Instant since, String ifNoneMatch,
                          String ifModifiedSince) {
}
