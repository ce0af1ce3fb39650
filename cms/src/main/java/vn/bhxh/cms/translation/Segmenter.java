package vn.bhxh.cms.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import vn.bhxh.cms.product.VariantContent;

/**
 * Splits a variant's texts into segments and puts translated segments back into the source's structure. The body's
 * block elements (headings, paragraphs, list items, cells) are the blocks; inline elements inside them (bold, links,
 * line breaks, images) become inline codes; a paragraph longer than {@link #LONG_PARAGRAPH} characters is split into
 * sentences, only where no inline pair is open, so every segment carries whole pairs.
 */
public final class Segmenter {

    /** Paragraphs longer than this (characters of text) are translated sentence by sentence. */
    public static final int LONG_PARAGRAPH = 200;

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "div", "section",
            "article", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption",
            "pre", "dl", "dt", "dd", "hr", "header", "footer", "aside", "nav", "main", "address", "colgroup", "col");
    private static final Set<String> VOID = Set.of("br", "img", "wbr", "hr", "col");
    /** A full stop after these words does not end a sentence (TP. Hồ Chí Minh, ThS. Nguyễn…). */
    private static final Set<String> ABBREVIATIONS = Set.of("tp", "ts", "ths", "gs", "pgs", "bs", "ks", "cn", "st", "mr", "mrs",
            "dr", "v.v", "vv", "tt", "q", "p", "tx", "h", "đ", "k.t", "kt", "ttg", "nđ-cp", "tt-bhxh");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(?:[\"”’»)]|⟦/[0-9]{1,4}⟧)*(\\s+)(?=[\\p{Lu}\\p{N}\"“«(⟦])");

    private Segmenter() {
    }

    public static List<SourceSegment> segments(VariantContent content) {
        List<SourceSegment> segments = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int block = 0;
        if (content.title() != null && !content.title().isBlank()) {
            segments.add(segment(seen, "title", "title", block, content.title().strip(), List.of()));
        }
        block++;
        if (content.summary() != null && !content.summary().isBlank()) {
            for (String sentence : sentences(collapse(content.summary()).strip(), LONG_PARAGRAPH)) {
                segments.add(segment(seen, "summary", "summary", block, sentence, List.of()));
            }
        }
        block++;
        for (Run run : runs(content.body())) {
            for (String sentence : sentences(run.text(), LONG_PARAGRAPH)) {
                segments.add(segment(seen, "body", run.kind(), block, sentence, run.codesIn(sentence)));
            }
            block++;
        }
        return segments;
    }

    /** The translated texts: the source's structure with each segment replaced by its translation (missing: left empty). */
    public static VariantContent rebuild(VariantContent source, Map<String, String> targets) {
        List<SourceSegment> segments = segments(source);
        String title = join(segments, targets, "title", -1);
        String summary = join(segments, targets, "summary", -1);
        String body = null;
        if (source.body() != null) {
            Document doc = Jsoup.parseBodyFragment(source.body());
            doc.outputSettings().prettyPrint(false);
            List<Run> runs = runs(doc.body());
            boolean any = false;
            for (int i = 0; i < runs.size(); i++) {
                String translated = join(segments, targets, "body", i + 2);
                any |= translated != null;
                runs.get(i).replaceWith(translated == null ? "" : translated);
            }
            body = any ? doc.body().html() : null;
        }
        return new VariantContent(title, summary, body, source.assets());
    }

    /** A translation made outside the segments (an older editor, a JSON file) put back into segments where it can be. */
    public record Derived(Map<String, String> targets, boolean aligned) {
    }

    /**
     * Aligns a translated content to the source's segments by structure: the title, the summary's and each block's
     * sentences when they are as many as the source's (otherwise the whole block goes to the block's first segment).
     * Not aligned when the body has a different number of blocks than the source.
     */
    public static Derived derive(VariantContent source, VariantContent translation) {
        List<SourceSegment> segments = segments(source);
        Map<String, String> targets = new LinkedHashMap<>();
        Map<Integer, List<SourceSegment>> byBlock = new LinkedHashMap<>();
        segments.forEach(s -> byBlock.computeIfAbsent(s.block(), b -> new ArrayList<>()).add(s));
        if (translation.title() != null && byBlock.containsKey(0)) {
            targets.put(byBlock.get(0).get(0).id(), translation.title().strip());
        }
        if (translation.summary() != null && byBlock.containsKey(1)) {
            spread(byBlock.get(1), collapse(translation.summary()).strip(), targets);
        }
        List<Run> sourceRuns = runs(source.body());
        List<Run> translatedRuns = runs(translation.body());
        boolean aligned = sourceRuns.size() == translatedRuns.size();
        if (aligned) {
            for (int i = 0; i < sourceRuns.size(); i++) {
                Run from = sourceRuns.get(i);
                Run to = translatedRuns.get(i);
                // Codes are numbered in order of appearance; the same tags in the same order are the same codes.
                String text = from.tagSequence().equals(to.tagSequence()) ? to.text() : Placeholders.plain(to.text()).strip();
                spread(byBlock.getOrDefault(i + 2, List.of()), text, targets);
            }
        }
        return new Derived(targets, aligned);
    }

    private static void spread(List<SourceSegment> blockSegments, String text, Map<String, String> targets) {
        if (blockSegments.isEmpty() || text.isBlank()) {
            return;
        }
        List<String> sentences = sentences(text, 0);
        if (sentences.size() == blockSegments.size()) {
            for (int i = 0; i < sentences.size(); i++) {
                targets.put(blockSegments.get(i).id(), sentences.get(i));
            }
        } else {
            targets.put(blockSegments.get(0).id(), text);
            for (int i = 1; i < blockSegments.size(); i++) {
                targets.put(blockSegments.get(i).id(), "");
            }
        }
    }

    /** The translations of a field's segments (or of one body block), joined by a space; null when none is translated. */
    private static String join(List<SourceSegment> segments, Map<String, String> targets, String field, int block) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (SourceSegment segment : segments) {
            if (!segment.field().equals(field) || (block >= 0 && segment.block() != block)) {
                continue;
            }
            String target = targets.get(segment.id());
            if (target == null || target.isBlank()) {
                continue;
            }
            any = true;
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(target.strip());
        }
        return any ? out.toString() : null;
    }

    private static SourceSegment segment(Map<String, Integer> seen, String field, String kind, int block, String text,
            List<InlineCode> codes) {
        String base = field.charAt(0) + "-" + hash(field + "\n" + text);
        int n = seen.merge(base, 1, Integer::sum);
        return new SourceSegment(n == 1 ? base : base + "-" + n, field, kind, block, text, codes);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sentences of a text with codes, split only outside inline pairs and only when the text is longer than
     * {@code above} characters.
     */
    static List<String> sentences(String text, int above) {
        if (Placeholders.plain(text).length() <= above) {
            return List.of(text);
        }
        int[] depth = depths(text);
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            if (depth[m.start(1)] != 0 || abbreviation(text, m.start())) {
                continue;
            }
            String sentence = text.substring(start, m.start(1)).strip();
            if (!Placeholders.plain(sentence).isBlank()) {
                sentences.add(sentence);
                start = m.end(1);
            }
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            if (Placeholders.plain(rest).isBlank() && !sentences.isEmpty()) {
                int last = sentences.size() - 1;
                sentences.set(last, sentences.get(last) + " " + rest);
            } else {
                sentences.add(rest);
            }
        }
        return sentences.isEmpty() ? List.of(text) : sentences;
    }

    /** How many inline pairs are open at each character of the text. */
    private static int[] depths(String text) {
        int[] depth = new int[text.length() + 1];
        int at = 0;
        int open = 0;
        for (Placeholders.Token token : Placeholders.tokens(text)) {
            int end = at + token.text().length();
            if (token.kind() == Placeholders.Token.Kind.END) {
                open--;
            }
            for (int i = at; i < end; i++) {
                depth[i] = open;
            }
            if (token.kind() == Placeholders.Token.Kind.START) {
                open++;
            }
            at = end;
        }
        depth[text.length()] = open;
        return depth;
    }

    private static boolean abbreviation(String text, int stop) {
        int from = stop;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '⟧') {
            from--;
        }
        String word = text.substring(from, stop).toLowerCase(java.util.Locale.ROOT);
        return word.length() == 1 && Character.isLetter(word.charAt(0)) || ABBREVIATIONS.contains(word);
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<Run> runs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return runs(Jsoup.parseBodyFragment(html).body());
    }

    private static List<Run> runs(Element root) {
        List<Run> runs = new ArrayList<>();
        walk(root, "paragraph", runs);
        return runs;
    }

    private static void walk(Element container, String kind, List<Run> runs) {
        List<Node> run = new ArrayList<>();
        for (Node node : new ArrayList<>(container.childNodes())) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                flush(run, kind, runs);
                run = new ArrayList<>();
                walk(element, kindOf(element, kind), runs);
            } else {
                run.add(node);
            }
        }
        flush(run, kind, runs);
    }

    private static void flush(List<Node> nodes, String kind, List<Run> runs) {
        if (nodes.isEmpty()) {
            return;
        }
        Run run = new Run(nodes, kind);
        if (!Placeholders.plain(run.text()).isBlank()) {
            runs.add(run);
        }
    }

    private static String kindOf(Element element, String inherited) {
        return switch (element.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> "heading";
            case "p" -> "paragraph";
            case "li", "dt", "dd" -> "list-item";
            case "td", "th" -> "cell";
            case "blockquote" -> "quote";
            case "caption", "figcaption" -> "caption";
            default -> inherited;
        };
    }

    /** Consecutive inline nodes of one block: its text with codes, and the elements behind the codes. */
    private static final class Run {
        private final List<Node> nodes;
        private final String kind;
        private final Map<String, Element> elements = new LinkedHashMap<>();
        private final Map<String, InlineCode> codes = new LinkedHashMap<>();
        private final String text;

        Run(List<Node> nodes, String kind) {
            this.nodes = nodes;
            this.kind = kind;
            StringBuilder out = new StringBuilder();
            nodes.forEach(node -> append(node, out));
            this.text = collapse(out.toString()).strip();
        }

        String kind() {
            return kind;
        }

        String text() {
            return text;
        }

        String tagSequence() {
            return String.join(",", elements.values().stream().map(Element::normalName).toList());
        }

        List<InlineCode> codesIn(String sentence) {
            List<InlineCode> in = new ArrayList<>();
            for (Placeholders.Token token : Placeholders.tokens(sentence)) {
                if (token.kind() == Placeholders.Token.Kind.START || token.kind() == Placeholders.Token.Kind.STANDALONE) {
                    in.add(codes.get(token.id()));
                }
            }
            return in;
        }

        private void append(Node node, StringBuilder out) {
            if (node instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (node instanceof Element element) {
                String id = Integer.toString(elements.size() + 1);
                elements.put(id, element);
                Element bare = element.shallowClone();
                bare.empty();
                String tag = element.normalName();
                if (VOID.contains(tag) || (element.childNodeSize() == 0 && element.tag().isSelfClosing())) {
                    InlineCode code = new InlineCode(id, InlineCode.Type.PH, bare.outerHtml(), null, label(element));
                    codes.put(id, code);
                    out.append(code.open());
                } else {
                    String html = bare.outerHtml();
                    String end = "</" + element.tagName() + ">";
                    String start = html.endsWith(end) ? html.substring(0, html.length() - end.length()) : html;
                    InlineCode code = new InlineCode(id, InlineCode.Type.PC, start, end, label(element));
                    codes.put(id, code);
                    out.append(code.open());
                    element.childNodes().forEach(child -> append(child, out));
                    out.append(code.close());
                }
            }
        }

        private static String label(Element element) {
            return switch (element.normalName()) {
                case "a" -> "a " + element.attr("href");
                case "img" -> "img " + (element.hasAttr("alt") ? element.attr("alt") : element.attr("src"));
                default -> element.normalName();
            };
        }

        /** Replaces the run's nodes by the translated text, its codes rebuilt from the source elements they stand for. */
        void replaceWith(String translated) {
            Element holder = new Element("div");
            java.util.Deque<Element> parents = new java.util.ArrayDeque<>();
            parents.push(holder);
            for (Placeholders.Token token : Placeholders.tokens(translated)) {
                switch (token.kind()) {
                    case TEXT -> parents.peek().appendText(token.text());
                    case START -> {
                        Element element = elements.get(token.id()).shallowClone();
                        element.empty();
                        parents.peek().appendChild(element);
                        parents.push(element);
                    }
                    case END -> {
                        if (parents.size() > 1) {
                            parents.pop();
                        }
                    }
                    case STANDALONE -> {
                        Element element = elements.get(token.id()).shallowClone();
                        element.empty();
                        parents.peek().appendChild(element);
                    }
                }
            }
            Node first = nodes.get(0);
            for (Node child : new ArrayList<>(holder.childNodes())) {
                first.before(child);
            }
            nodes.forEach(Node::remove);
        }
    }
}
