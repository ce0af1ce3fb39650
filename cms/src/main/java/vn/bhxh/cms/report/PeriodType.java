package vn.bhxh.cms.report;

/** How often a report is due (plan 7.10): monthly, half-yearly, yearly. */
public enum PeriodType {
    MONTH,
    HALF_YEAR,
    YEAR
}
