package vn.bhxh.publisher.feed;

/** A card of the VssID app feed, as the templates' feed channel renders it. */
public record FeedCard(String id, String url, String title, String summary, String imageUrl, String languageTag) {
}
