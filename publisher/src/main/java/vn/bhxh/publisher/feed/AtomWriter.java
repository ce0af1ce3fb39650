package vn.bhxh.publisher.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Atom (RFC 4287): one feed id, title, updated, author and self link; entries with id, title, updated, content. */
final class AtomWriter {

    private AtomWriter() {
    }

    static byte[] write(FeedChannel channel, List<FeedItem> items, Instant updated) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(escape(channel.language())).append("\">\n");
        element(xml, "id", channel.atomId());
        element(xml, "title", channel.title());
        element(xml, "updated", updated.toString());
        xml.append("<author><name>").append(escape(channel.author())).append("</name></author>\n");
        xml.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(channel.feedUrl())).append("\"/>\n");
        xml.append("<link rel=\"alternate\" href=\"").append(escape(channel.homePageUrl())).append("\"/>\n");
        for (FeedItem item : items) {
            xml.append("<entry>\n");
            element(xml, "id", "urn:bhxh:item:" + item.id());
            element(xml, "title", item.title());
            element(xml, "published", item.published().toString());
            element(xml, "updated", item.updated().toString());
            if (item.url() != null) {
                xml.append("<link rel=\"alternate\" href=\"").append(escape(item.url())).append("\"/>\n");
            }
            if (item.summary() != null) {
                element(xml, "summary", item.summary());
            }
            for (String audience : item.audiences().stream().sorted().toList()) {
                xml.append("<category scheme=\"urn:bhxh:audience\" term=\"").append(escape(audience)).append("\"/>\n");
            }
            xml.append("<content type=\"html\">").append(escape(item.contentHtml())).append("</content>\n");
            xml.append("</entry>\n");
        }
        xml.append("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry at all. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
