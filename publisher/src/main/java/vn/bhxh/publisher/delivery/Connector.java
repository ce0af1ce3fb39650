package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Delivers a job's payload to one kind of remote service. Implementations classify every answer (see
 * {@link DeliveryResult}) and never throw for remote errors. They make a repeated delivery harmless: they
 * send the job's idempotency key where the service honours one, otherwise they check whether an earlier
 * in-doubt attempt already posted ({@code job.previousAttemptInDoubt()}) before posting again.
 */
public interface Connector {

    Channel channel();

    DeliveryResult deliver(DeliveryRequest request);

    /**
     * Whether a new revision of a variant replaces the post of the earlier one ({@link DeliveryRequest#previous()}):
     * the same post is updated and the earlier job is marked replaced, instead of a second post beside the first.
     */
    default boolean updatesInPlace() {
        return false;
    }

    /**
     * Removes or unpublishes what {@code job} posted.
     *
     * @return the result; {@link DeliveryResult.Permanent} when the service does not allow removal (a person must do it)
     */
    DeliveryResult remove(PublishJob job, Target target, Credentials credentials);
}
