package vn.bhxh.cms.audit;

import vn.bhxh.cms.workflow.WorkflowAction;

/** What an audit entry records. The name is what the trail stores and what {@code ?action=} filters on. */
public enum AuditAction {
    // Products and their variants; a workflow step is recorded under its own name (SUBMIT, APPROVE…).
    PRODUCT_CREATED,
    PRODUCT_UPDATED,
    EDITED,
    TRANSLATION_REQUESTED,
    TRANSLATION_OUTDATED,
    SOURCE_CONFIRMED,
    // The translation workbench: segments saved and reviewed, glossary terms.
    SEGMENTS_SAVED,
    SEGMENT_REVIEWED,
    GLOSSARY_SAVED,
    GLOSSARY_DELETED,
    SUBMIT,
    REVIEW,
    APPROVE,
    REJECT,
    PUBLISH,
    WITHDRAW,
    ARCHIVE,
    // Scheduling and channel targets.
    SCHEDULED,
    JOB_RETRIED,
    JOB_CANCELLED,
    TARGET_CREATED,
    TARGET_UPDATED,
    TARGET_TESTED,
    TARGET_RESUMED,
    // Notices for a person, recorded as they are raised.
    TARGET_PAUSED,
    DELIVERY_OVERDUE,
    MANUAL_REMOVAL,
    MANUAL_UPDATE,
    // Accounts, sign-in and API tokens.
    USER_CREATED,
    USER_UPDATED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    TOKEN_USED,
    TOKEN_REJECTED,
    // Reference data.
    REFERENCE_SAVED,
    // The provinces' communication reports.
    REPORT_CREATED,
    REPORT_EDITED,
    REPORT_PREFILLED,
    REPORT_IMPORTED,
    REPORT_SUBMIT,
    REPORT_ACCEPT,
    REPORT_RETURN,
    // Operations: the retention removed the oldest audit entries; a backup was made.
    AUDIT_PRUNED,
    BACKUP_CREATED;

    public static AuditAction of(WorkflowAction action) {
        return valueOf(action.name());
    }
}
