package vn.bhxh.cms.report;

/** The workflow steps: the province's approver submits; the centre accepts or returns (with a comment). */
public enum ReportAction {
    SUBMIT,
    ACCEPT,
    RETURN;

    public boolean allowedFrom(ReportState state) {
        return switch (this) {
            case SUBMIT -> state.editable();
            case ACCEPT, RETURN -> state == ReportState.SUBMITTED;
        };
    }

    public ReportState target() {
        return switch (this) {
            case SUBMIT -> ReportState.SUBMITTED;
            case ACCEPT -> ReportState.ACCEPTED;
            case RETURN -> ReportState.RETURNED;
        };
    }
}
