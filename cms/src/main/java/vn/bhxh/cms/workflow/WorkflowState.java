package vn.bhxh.cms.workflow;

import java.util.List;

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

    /** Released: approved or published. What may be scheduled, whose files are public, what provincial staff read. */
    public static final List<WorkflowState> RELEASED = List.of(APPROVED, PUBLISHED);

    public boolean isReleased() {
        return RELEASED.contains(this);
    }

    /** Content can be changed in these states; a change to an approved or published variant reopens it as a draft. */
    public boolean allowsEditing() {
        return this == DRAFT || this == APPROVED || this == PUBLISHED || this == WITHDRAWN;
    }
}
