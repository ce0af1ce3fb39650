package vn.bhxh.cms.product;

import java.time.Instant;

/**
 * A workflow step as people read it: what was done, by whom (their name, and their user name for the API), when, with
 * which comment.
 *
 * @param action a workflow action ({@code SUBMIT}, {@code REJECT}…) or {@code TRANSLATION_REQUESTED}
 */
public record HistoryEntry(String action, String actor, String actorName, Instant at, String comment, String fromState,
        String toState, int revision) {

    static HistoryEntry of(WorkflowStep step, String actorName) {
        return new HistoryEntry(step.action(), step.actor(), actorName, step.at(), step.comment(), step.fromState(),
                step.toState(), step.revision());
    }

    public boolean isRejection() {
        return "REJECT".equals(action);
    }
}
