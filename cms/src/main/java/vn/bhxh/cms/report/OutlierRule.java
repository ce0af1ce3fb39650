package vn.bhxh.cms.report;

import java.util.List;

/**
 * DHIS2's min/max idea, kept simple: a value far outside what the province reported in earlier months is flagged
 * (a warning, never a refusal). With at least {@link #MIN_HISTORY} earlier values, the expected range is the mean
 * ± 3 spreads, where the spread is the standard deviation but at least a quarter of the mean and at least 1 (steady
 * histories would otherwise flag every small change).
 */
final class OutlierRule {

    static final int MIN_HISTORY = 3;

    private OutlierRule() {
    }

    /** The expected range {low, high}, or null when there is too little history to judge. */
    static long[] range(List<Long> history) {
        if (history.size() < MIN_HISTORY) {
            return null;
        }
        double mean = history.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = history.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / history.size();
        double spread = Math.max(Math.max(Math.sqrt(variance), mean / 4), 1);
        return new long[] {Math.max(0, (long) Math.floor(mean - 3 * spread)), (long) Math.ceil(mean + 3 * spread)};
    }
}
