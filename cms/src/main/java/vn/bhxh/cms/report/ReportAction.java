package vn.bhxh.cms.report;

import vn.bhxh.cms.audit.AuditAction;

/** The workflow steps: the province's approver submits; the centre accepts or returns (with a comment). */
public enum ReportAction {
    SUBMIT(AuditAction.REPORT_SUBMIT),
    ACCEPT(AuditAction.REPORT_ACCEPT),
    RETURN(AuditAction.REPORT_RETURN);

    private final AuditAction audited;

    ReportAction(AuditAction audited) {
        this.audited = audited;
    }

    /** What the audit trail records for this step. */
    public AuditAction audited() {
        return audited;
    }

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
