package vn.bhxh.cms.translation;

import java.util.ArrayList;
import java.util.List;

/** Word-level differences between an earlier and a current source segment (longest common subsequence of words). */
public final class WordDiff {

    /** Longer texts are compared as a whole: a segment is a sentence or a block, far below this. */
    static final int MAX_WORDS = 2_000;

    public enum Op { EQUAL, DELETE, INSERT }

    /** A run of words that stayed, went or came. */
    public record Part(Op op, String text) {
    }

    private WordDiff() {
    }

    public static List<Part> between(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            return List.of(new Part(Op.DELETE, String.join(" ", a)), new Part(Op.INSERT, String.join(" ", b)));
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(parts, Op.EQUAL, a[i]);
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(parts, Op.INSERT, b[j]);
                j++;
            } else {
                add(parts, Op.DELETE, a[i]);
                i++;
            }
        }
        return parts;
    }

    private static void add(List<Part> parts, Op op, String word) {
        if (!parts.isEmpty() && parts.get(parts.size() - 1).op() == op) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part(op, last.text() + " " + word));
        } else {
            parts.add(new Part(op, word));
        }
    }

    private static String[] words(String text) {
        String plain = text == null ? "" : text.strip();
        return plain.isEmpty() ? new String[0] : plain.split("\\s+");
    }
}
