package vn.bhxh.cms.workflow;

import static vn.bhxh.cms.workflow.WorkflowState.APPROVED;
import static vn.bhxh.cms.workflow.WorkflowState.ARCHIVED;
import static vn.bhxh.cms.workflow.WorkflowState.DRAFT;
import static vn.bhxh.cms.workflow.WorkflowState.IN_REVIEW;
import static vn.bhxh.cms.workflow.WorkflowState.PUBLISHED;
import static vn.bhxh.cms.workflow.WorkflowState.REVIEWED;
import static vn.bhxh.cms.workflow.WorkflowState.WITHDRAWN;

import java.util.Set;

/** The transitions of the approval workflow, each with the states it starts from and the state it leads to. */
public enum WorkflowAction {
    SUBMIT(Set.of(DRAFT), IN_REVIEW, false),
    REVIEW(Set.of(IN_REVIEW), REVIEWED, false),
    APPROVE(Set.of(REVIEWED), APPROVED, false),
    REJECT(Set.of(IN_REVIEW, REVIEWED), DRAFT, true),
    PUBLISH(Set.of(APPROVED), PUBLISHED, false),
    WITHDRAW(Set.of(APPROVED, PUBLISHED), WITHDRAWN, true),
    ARCHIVE(Set.of(DRAFT, PUBLISHED, WITHDRAWN), ARCHIVED, false);

    private final Set<WorkflowState> from;
    private final WorkflowState to;
    private final boolean commentRequired;

    WorkflowAction(Set<WorkflowState> from, WorkflowState to, boolean commentRequired) {
        this.from = from;
        this.to = to;
        this.commentRequired = commentRequired;
    }

    public boolean allowedFrom(WorkflowState state) {
        return from.contains(state);
    }

    public WorkflowState target() {
        return to;
    }

    public boolean commentRequired() {
        return commentRequired;
    }
}
