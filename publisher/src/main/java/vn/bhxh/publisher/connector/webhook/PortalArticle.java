package vn.bhxh.publisher.connector.webhook;

/** What a portal receives, as the templates' portal channel renders it: the plain title and the HTML article. */
public record PortalArticle(String languageTag, String title, String html) {
}
