package vn.bhxh.publisher.feed;

/** The feed-level facts for one language and audience. */
record FeedChannel(String language, String audience, String title, String author, String homePageUrl, String feedUrl) {

    String atomId() {
        return "urn:bhxh:feed:" + language + ":" + (audience == null ? "all" : audience);
    }
}
