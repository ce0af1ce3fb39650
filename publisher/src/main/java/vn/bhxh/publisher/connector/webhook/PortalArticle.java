package vn.bhxh.publisher.connector.webhook;

/**
 * What a portal receives, as the templates' portal channel renders it: the plain title and the HTML article;
 * {@code content} is the article without its title (WordPress shows the title itself), null in jobs scheduled before it.
 */
public record PortalArticle(String languageTag, String title, String html, String content) {

    public PortalArticle(String languageTag, String title, String html) {
        this(languageTag, title, html, null);
    }
}
