package vn.bhxh.cms.product;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Rich text bodies are stored sanitized: formatting, lists, links and images stay; scripts and handlers go. */
public final class HtmlSanitizer {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addAttributes(":all", "lang", "dir")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .preserveRelativeLinks(false);

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        // No pretty printing: the stored body must come back exactly as written (translation round trips compare it).
        return html == null ? null : Jsoup.clean(html, "", ALLOWED, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }

    public static String text(String html) {
        return html == null ? null : Jsoup.parse(html).text();
    }
}
