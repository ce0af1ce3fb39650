package vn.bhxh.cms.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The centre's chart data as JSON for a {@code <script type="application/json">} element, which the page's own script
 * (reports.js) reads: no inline script runs. {@code <} is escaped so no value can close the element.
 */
@Component
public class ReportChartData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String json(ReportOverview overview, Map<String, long[]> months) {
        Locale locale = LocaleContextHolder.getLocale();
        PeriodType type = ReportPeriod.parse(overview.period()).type();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<Long>> byProvince = new LinkedHashMap<>();
        for (ReportField field : ReportDataSets.numeric(type)) {
            labels.put(field.key(), ReportMessages.label(field, locale));
            List<Long> values = new ArrayList<>();
            overview.rows().forEach(r -> values.add(r.values().getOrDefault(field.key(), 0L)));
            byProvince.put(field.key(), values);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("provinces", overview.rows().stream().map(ReportOverview.Row::name).toList());
        data.put("byProvince", byProvince);
        data.put("months", months);
        return JSON.writeValueAsString(data).replace("<", "\\u003c");
    }
}
