package vn.bhxh.cms.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the system itself knows about a province's period, to start a report with: each value with a note of where it
 * came from (shown next to it; the person filling in the report may change it).
 */
@Component
class ReportPrefill {

    private final BroadcastStore broadcasts;

    ReportPrefill(BroadcastStore broadcasts) {
        this.broadcasts = broadcasts;
    }

    record Known(long value, String source) {
    }

    Map<String, Known> known(String province, ReportPeriod period) {
        Map<String, Known> known = new LinkedHashMap<>();
        List<Broadcast> log = broadcasts.between(province, period.firstDay(), period.lastDay());
        if (!log.isEmpty()) {
            long all = log.stream().mapToLong(Broadcast::times).sum();
            long voluntary = log.stream().filter(Broadcast::voluntary).mapToLong(Broadcast::times).sum();
            String source = "Nhật ký phát thanh (" + log.size() + " dòng) / broadcast log";
            known.put(ReportDataSets.key(ReportForm.FORM_03, "16"), new Known(all, source));
            known.put(ReportDataSets.key(ReportForm.FORM_03, "16a"), new Known(voluntary, source));
        }
        return known;
    }
}
