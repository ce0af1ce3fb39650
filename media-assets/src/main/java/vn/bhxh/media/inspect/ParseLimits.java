package vn.bhxh.media.inspect;

import java.time.Duration;

/**
 * Bounds on one Tika parse: wall-clock time, heap of the worker JVM, and how much document text is
 * kept for search (the rest is dropped, and the record says so).
 */
public record ParseLimits(Duration timeout, int heapMegabytes, int maxTextCharacters) {

    public ParseLimits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The parse timeout must be positive");
        }
        if (heapMegabytes < 8) {
            throw new IllegalArgumentException("A JVM needs at least 8 MB of heap");
        }
        if (maxTextCharacters < 0) {
            throw new IllegalArgumentException("The text limit cannot be negative");
        }
    }

    /** 60 s and 512 MB handle a 300-page print master; 1 million characters is more than any leaflet. */
    public static ParseLimits defaults() {
        return new ParseLimits(Duration.ofSeconds(60), 512, 1_000_000);
    }
}
