package vn.bhxh.cms.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The centre's view of one period: every province's report (or its absence), the reporting and on-time rates, and
 * the national totals per column of the reports received.
 *
 * @param reportingRate share of provinces that submitted (0–1)
 * @param onTimeRate share of provinces that submitted before the deadline (0–1)
 */
public record ReportOverview(String period, Instant deadline, int provinces, int submitted, int onTime, int late,
        int missing, double reportingRate, double onTimeRate, List<Row> rows, Map<String, Long> totals) {

    /** @param status MISSING (no report or never sent), ON_TIME or LATE */
    public record Row(String province, String name, ReportState state, String status, Instant submittedAt,
            Map<String, Long> values) {
    }
}
