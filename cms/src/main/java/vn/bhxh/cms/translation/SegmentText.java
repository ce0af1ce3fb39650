package vn.bhxh.cms.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A segment's text as the workbench shows it ({@code ${@segmentText.pieces(segment)}}): text, inline codes as chips
 * that say what they stand for, and glossary terms marked with their agreed translation. Shown escaped.
 */
@Component("segmentText")
public class SegmentText {

    /** One piece: {@code text}, {@code code} (the mark, with what it stands for as hint) or {@code term} (hint: the agreed translation). */
    public record Piece(String type, String text, String hint) {
    }

    public List<Piece> pieces(Workbench.Segment segment) {
        return pieces(segment.source(), segment.codes(), segment.glossary());
    }

    public List<Piece> target(Workbench.Segment segment) {
        return pieces(segment.target(), segment.codes(), List.of());
    }

    static List<Piece> pieces(String text, List<InlineCode> codes, List<Glossary.Hit> terms) {
        List<Piece> pieces = new ArrayList<>();
        for (Placeholders.Token token : Placeholders.tokens(text)) {
            if (token.kind() == Placeholders.Token.Kind.TEXT) {
                terms(token.text(), terms, pieces);
            } else {
                String label = codes.stream().filter(c -> c.id().equals(token.id())).map(InlineCode::label).findFirst().orElse("");
                pieces.add(new Piece("code", token.text(), label));
            }
        }
        return pieces;
    }

    private static void terms(String text, List<Glossary.Hit> terms, List<Piece> pieces) {
        if (terms.isEmpty()) {
            pieces.add(new Piece("text", text, null));
            return;
        }
        StringBuilder alternatives = new StringBuilder();
        for (Glossary.Hit hit : terms) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(hit.term()));
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Piece("text", text.substring(at, m.start()), null));
            }
            String found = m.group(1).toLowerCase(Locale.ROOT);
            String hint = terms.stream().filter(h -> h.term().toLowerCase(Locale.ROOT).equals(found))
                    .map(h -> h.translation() + (h.note() == null ? "" : " — " + h.note())).findFirst().orElse("");
            pieces.add(new Piece("term", m.group(1), hint));
            at = m.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece("text", text.substring(at), null));
        }
    }
}
