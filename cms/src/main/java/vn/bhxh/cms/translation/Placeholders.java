package vn.bhxh.cms.translation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Segment texts with their inline codes written as {@code ⟦1⟧bold⟦/1⟧} and {@code ⟦2/⟧}: brackets (U+27E6, U+27E7) that
 * Vietnamese and the ethnic-minority texts never use, so a code can never be mistaken for text a translator typed.
 */
public final class Placeholders {

    public static final String OPEN = "⟦";
    public static final String CLOSE = "⟧";
    private static final Pattern MARK = Pattern.compile("⟦(/?)([0-9]{1,4})(/?)⟧");

    private Placeholders() {
    }

    /** A piece of a segment text: plain text, or the start, end or whole of an inline code. */
    public record Token(Kind kind, String text, String id) {
        public enum Kind { TEXT, START, END, STANDALONE }
    }

    /** Splits a segment text into text and code tokens; a bracket that is not part of a well-formed mark is text. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = MARK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                tokens.add(new Token(Token.Kind.TEXT, text.substring(at, m.start()), null));
            }
            boolean closing = !m.group(1).isEmpty();
            boolean standalone = !m.group(3).isEmpty();
            Token.Kind kind = closing && standalone ? Token.Kind.TEXT
                    : closing ? Token.Kind.END : standalone ? Token.Kind.STANDALONE : Token.Kind.START;
            tokens.add(new Token(kind, m.group(), kind == Token.Kind.TEXT ? null : m.group(2)));
            at = m.end();
        }
        if (at < text.length()) {
            tokens.add(new Token(Token.Kind.TEXT, text.substring(at), null));
        }
        return tokens;
    }

    /** The text a reader sees: codes removed. */
    public static String plain(String text) {
        return text == null ? "" : MARK.matcher(text).replaceAll("");
    }

    /** The text with each code replaced by a space, for word matching: a line break between two words keeps them two. */
    public static String spaced(String text) {
        return text == null ? "" : MARK.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    public static int words(String text) {
        String plain = spaced(text);
        return plain.isEmpty() ? 0 : plain.split("\\s+").length;
    }

    /** A problem with the codes of a translated segment: a message key of {@code ui.segment.*} and its argument. */
    public record Problem(String key, String mark) {
    }

    /**
     * Checks that a translation carries every code of its source exactly once, pairs opened before they are closed and
     * properly nested, and no code the source does not have. Codes may move and pairs may be reordered: word order
     * differs between languages.
     */
    public static List<Problem> check(String target, List<InlineCode> codes) {
        List<Problem> problems = new ArrayList<>();
        Map<String, InlineCode> byId = new HashMap<>();
        codes.forEach(code -> byId.put(code.id(), code));
        Set<String> opened = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> placed = new HashSet<>();
        Deque<String> open = new ArrayDeque<>();
        for (Token token : tokens(target)) {
            if (token.kind() == Token.Kind.TEXT) {
                if (token.text().contains(OPEN) || token.text().contains(CLOSE)) {
                    problems.add(new Problem("brokenMark", token.text().strip()));
                }
                continue;
            }
            InlineCode code = byId.get(token.id());
            boolean pair = code != null && code.type() == InlineCode.Type.PC;
            switch (token.kind()) {
                case START -> {
                    if (!pair) {
                        problems.add(new Problem("unknownMark", token.text()));
                    } else if (!opened.add(token.id())) {
                        problems.add(new Problem("repeatedMark", token.text()));
                    } else {
                        open.push(token.id());
                    }
                }
                case END -> {
                    if (!pair) {
                        problems.add(new Problem("unknownMark", token.text()));
                    } else if (!opened.contains(token.id()) || !closed.add(token.id())) {
                        problems.add(new Problem("closedBeforeOpened", token.text()));
                    } else if (!token.id().equals(open.peek())) {
                        problems.add(new Problem("crossedMarks", token.text()));
                    } else {
                        open.pop();
                    }
                }
                case STANDALONE -> {
                    if (code == null || code.type() != InlineCode.Type.PH) {
                        problems.add(new Problem("unknownMark", token.text()));
                    } else if (!placed.add(token.id())) {
                        problems.add(new Problem("repeatedMark", token.text()));
                    }
                }
                default -> {
                }
            }
        }
        for (InlineCode code : codes) {
            if (code.type() == InlineCode.Type.PC) {
                if (!opened.contains(code.id())) {
                    problems.add(new Problem("missingMark", code.open()));
                } else if (!closed.contains(code.id()) && problems.stream().noneMatch(p -> p.mark().equals(code.close()))) {
                    problems.add(new Problem("missingMark", code.close()));
                }
            } else if (!placed.contains(code.id())) {
                problems.add(new Problem("missingMark", code.open()));
            }
        }
        return problems;
    }
}
