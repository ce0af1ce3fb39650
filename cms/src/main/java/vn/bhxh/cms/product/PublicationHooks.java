package vn.bhxh.cms.product;

/**
 * What the publishing side must do when a variant stops being fit to go out as scheduled. The product service calls
 * {@link #hold} and {@link #cancel} before it saves the change: if that call fails the change is refused, so a job
 * for content that no longer exists in that form never goes out. A hold that outlives a failed save is visible and
 * harmless (someone retries the job); the opposite would publish what nobody approved.
 */
public interface PublicationHooks {

    /** Edited after approval, or its Vietnamese source changed: pending jobs wait until someone reschedules them. */
    void hold(Variant variant, String reason);

    /** Rejected or archived: pending jobs are cancelled. */
    void cancel(Variant variant, String reason);

    /** Withdrawn (already saved): pending jobs are cancelled and what went out is removed where the services allow. */
    void withdrawn(Variant variant, String reason);

    PublicationHooks NONE = new PublicationHooks() {
        @Override
        public void hold(Variant variant, String reason) {
        }

        @Override
        public void cancel(Variant variant, String reason) {
        }

        @Override
        public void withdrawn(Variant variant, String reason) {
        }
    };
}
