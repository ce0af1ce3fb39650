package vn.bhxh.cms.report;

/** The parts of a report: the data tables of form 03 and form 04 and the narrative. */
public enum ReportForm {
    FORM_03,
    FORM_04,
    NARRATIVE
}
