package vn.bhxh.cms.workflow;

/**
 * Where a language variant stands: draft → in review (specialist review) → reviewed → approved (leader approval)
 * → published; withdrawn and archived end its life.
 */
public enum WorkflowState {
    DRAFT,
    IN_REVIEW,
    REVIEWED,
    APPROVED,
    PUBLISHED,
    WITHDRAWN,
    ARCHIVED;

    /** Content can be changed in these states; a change to an approved or published variant reopens it as a draft. */
    public boolean allowsEditing() {
        return this == DRAFT || this == APPROVED || this == PUBLISHED || this == WITHDRAWN;
    }
}
