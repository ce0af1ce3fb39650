package vn.bhxh.templates.print;

import java.util.Set;

/** The PDF and the characters no embedded font could draw (left out rather than shown as boxes). */
public record PrintResult(byte[] pdf, int pages, Set<Integer> missingCodePoints) {

    public PrintResult {
        missingCodePoints = Set.copyOf(missingCodePoints);
    }
}
