package vn.bhxh.templates.print;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a line may break. Unicode's rules let a break fall right after a Khmer coeng (U+17D2), which
 * would tear a stacked consonant in two across lines; such a piece is joined with the one after it.
 */
final class BreakPoints {

    private static final char KHMER_COENG = '\u17D2';
    private static final char ZERO_WIDTH_JOINER = '\u200D';

    private BreakPoints() {
    }

    /** Pieces between line-break opportunities (words with their trailing spaces). */
    static List<String> words(String text, Locale locale) {
        return pieces(text, BreakIterator.getLineInstance(locale));
    }

    /** User-perceived characters, for breaking a word too long for a line. */
    static List<String> graphemes(String text, Locale locale) {
        return pieces(text, BreakIterator.getCharacterInstance(locale));
    }

    private static List<String> pieces(String text, BreakIterator iterator) {
        iterator.setText(text);
        List<String> pieces = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            pending.append(text, start, end);
            char last = pending.charAt(pending.length() - 1);
            if (last != KHMER_COENG && last != ZERO_WIDTH_JOINER) {
                pieces.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            pieces.add(pending.toString());
        }
        return pieces;
    }
}
