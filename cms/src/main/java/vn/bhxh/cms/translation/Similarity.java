package vn.bhxh.cms.translation;

import java.util.Locale;

/**
 * How alike two source texts are, in percent: 100 × (1 − edit distance ÷ the longer length), on the texts without
 * codes, case and extra spaces, as CAT tools show fuzzy matches.
 */
public final class Similarity {

    /** Texts longer than this are compared by their first characters only (bounds the quadratic edit distance). */
    static final int MAX_CHARS = 2_000;

    private Similarity() {
    }

    public static int percent(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.equals(y)) {
            return 100;
        }
        int longer = Math.max(x.length(), y.length());
        if (longer == 0) {
            return 100;
        }
        int distance = distance(x, y);
        return (int) Math.floor(100.0 * (longer - distance) / longer);
    }

    private static String normal(String text) {
        String plain = Placeholders.spaced(text).toLowerCase(Locale.ROOT);
        return plain.length() > MAX_CHARS ? plain.substring(0, MAX_CHARS) : plain;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
