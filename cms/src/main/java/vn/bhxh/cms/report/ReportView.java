package vn.bhxh.cms.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A report as the API shows it, with its deadline, timeliness and the warnings about unusual values. */
record ReportView(String province, String provinceName, String period, PeriodType periodType, ReportState state,
        Instant deadline, boolean late, Map<String, Long> values, Map<String, String> sources, Map<String, String> texts,
        String returnComment, Instant firstSubmittedAt, Instant submittedAt, String submittedBy, Instant decidedAt,
        String decidedBy, boolean demo, Instant updatedAt, String updatedBy, List<Map<String, String>> warnings) {

    static ReportView of(Report r, String provinceName, List<Map<String, String>> warnings) {
        boolean late = r.submitted() ? !r.onTime() : !Instant.now().isBefore(r.reportPeriod().deadline());
        return new ReportView(r.province(), provinceName, r.period(), r.periodType(), r.state(), r.reportPeriod().deadline(), late,
                r.values(), r.sources(), r.texts(), r.returnComment(), r.firstSubmittedAt(), r.submittedAt(), r.submittedBy(),
                r.decidedAt(), r.decidedBy(), r.demo(), r.updatedAt(), r.updatedBy(), warnings);
    }
}
