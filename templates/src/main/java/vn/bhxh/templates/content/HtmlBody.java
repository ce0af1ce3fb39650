package vn.bhxh.templates.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The product body (HTML from the cms) in the forms the channels need: sanitized HTML for the portal and
 * e-mail, ordered text and image blocks for Zalo, plain text for SMS, social posts and print.
 *
 * <p>The cms sanitizes on save; we sanitize again here because an HTML channel must stay safe even if a
 * document reached Elasticsearch another way.
 */
public final class HtmlBody {

    private static final Set<String> TEXT_BLOCKS =
            Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "th", "dt", "dd");

    private static final Safelist SAFELIST = Safelist.relaxed().addTags("figure", "figcaption");

    private final String sanitizedHtml;
    private final List<BodyBlock> blocks;

    private HtmlBody(String sanitizedHtml, List<BodyBlock> blocks) {
        this.sanitizedHtml = sanitizedHtml;
        this.blocks = List.copyOf(blocks);
    }

    public static HtmlBody of(String html) {
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html == null ? "" : html, "", SAFELIST, compact);
        return new HtmlBody(clean, blocksOf(Jsoup.parseBodyFragment(clean).body()));
    }

    public String sanitizedHtml() {
        return sanitizedHtml;
    }

    public List<BodyBlock> blocks() {
        return blocks;
    }

    /** Paragraphs as plain text, separated by a blank line. */
    public String plainText() {
        return String.join("\n\n", blocks.stream()
                .filter(BodyBlock.Text.class::isInstance).map(block -> ((BodyBlock.Text) block).text()).toList());
    }

    private static List<BodyBlock> blocksOf(Element body) {
        List<BodyBlock> blocks = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element.nameIs("img")) {
                blocks.add(new BodyBlock.Image(element.attr("src"), element.attr("alt")));
            } else if (TEXT_BLOCKS.contains(element.normalName()) && !hasTextBlockInside(element)) {
                String text = element.text().strip();
                if (!text.isEmpty()) {
                    blocks.add(new BodyBlock.Text(text));
                }
            }
        }
        if (blocks.isEmpty() && !body.text().isBlank()) {
            blocks.add(new BodyBlock.Text(body.text().strip()));
        }
        return blocks;
    }

    private static boolean hasTextBlockInside(Element element) {
        return element.getAllElements().stream().skip(1).anyMatch(inner -> TEXT_BLOCKS.contains(inner.normalName()));
    }

    /** A piece of the body in reading order. */
    public sealed interface BodyBlock {
        record Text(String text) implements BodyBlock {
        }

        record Image(String url, String caption) implements BodyBlock {
        }
    }
}
