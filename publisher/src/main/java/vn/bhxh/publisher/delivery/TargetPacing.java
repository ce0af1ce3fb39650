package vn.bhxh.publisher.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * Spacing of calls to one target: its minimum interval between posts and the quiet a service asked for (Retry-After,
 * usage headers). {@link TargetRateLimiter} keeps it in one instance's memory; several instances share one kept where
 * they all read it, so that together they still honour the target's limits.
 */
public interface TargetPacing {

    /**
     * Reserves a slot for one call to the target.
     *
     * @return null when the call may go now, else the instant it may go
     */
    Instant reserve(Target target, Instant now);

    /** The service asked for quiet until {@code now + wait}. */
    void block(String targetId, Instant now, Duration wait);
}
