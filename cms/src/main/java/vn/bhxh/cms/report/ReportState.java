package vn.bhxh.cms.report;

/** Where a report is: written by the province, signed off and sent, accepted by the centre or returned to be fixed. */
public enum ReportState {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
