package vn.bhxh.publisher.feed;

/** The two feed formats, with their media types. */
public enum FeedFormat {
    JSON_FEED("application/feed+json; charset=utf-8"),
    ATOM("application/atom+xml; charset=utf-8");

    private final String contentType;

    FeedFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
