package vn.bhxh.publisher.feed;

/**
 * What the HTTP endpoint writes: status 200 with {@code body}, or 304 with no body. Both carry the same
 * ETag, Last-Modified, Cache-Control and Vary, as RFC 9110 asks of a 304.
 */
public record FeedResponse(int status, byte[] body, String contentType, String etag, String lastModified,
                           String cacheControl, String vary) {

    public boolean notModified() {
        return status == 304;
    }
}
