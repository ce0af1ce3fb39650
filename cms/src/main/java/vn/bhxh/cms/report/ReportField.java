package vn.bhxh.cms.report;

import java.util.Set;

/**
 * One field of a data set: a numbered column of form 03 or 04 (a whole number ≥ 0) or a narrative section (text).
 *
 * @param key the field's name in the API and in the stored report ({@code f03c9}, {@code highlights})
 * @param column the column number printed on the form ({@code 16a}: the "of which" sub-column of 16); empty for text
 * @param periods the period types whose report has this field
 */
public record ReportField(String key, ReportForm form, String column, String labelVi, String labelEn, boolean numeric,
        Set<PeriodType> periods) {

    public boolean in(PeriodType type) {
        return periods.contains(type);
    }
}
