package vn.bhxh.publisher.schedule;

import java.time.Duration;
import vn.bhxh.publisher.job.PublishJob;

/** Told what the scheduler does, for metrics: nothing here may change a job or throw. */
public interface DeliveryObserver {

    DeliveryObserver NONE = new DeliveryObserver() {
    };

    /** A job was claimed {@code waited} after it became due (never negative). */
    default void claimed(PublishJob job, Duration waited) {
    }

    /** A delivery attempt was recorded with its outcome ({@code DELIVERED}, {@code RETRY}, {@code FAILED}, {@code TOKEN_REJECTED}). */
    default void recorded(PublishJob job, String outcome, Duration took) {
    }
}
