package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.job.PublishJob;

/** Tells a target's admins that something needs a person (the cms sends mail or shows it in the UI). */
public interface TargetAdminNotifier {

    /** The target's token expired or was revoked; deliveries to it wait until it is reconnected. */
    void targetPaused(Target target, String reason);

    /** A job was not delivered within the allowed time after it was due. */
    default void deliveryOverdue(Target target, String jobId, String detail) {
    }

    /** A new revision could not be applied to the post already on the target: a person must update it by hand. */
    default void updateByHand(Target target, String jobId, String detail) {
    }

    /** A job failed for good (refused by the service, or out of attempts): whoever scheduled it should know. */
    default void deliveryFailed(Target target, PublishJob job, String reason) {
    }
}
