package vn.bhxh.publisher.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so that many
 * jobs failing together against one target do not come back together, yet never retry at once.
 * A Retry-After from the service is a floor.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12);
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** Delay before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration delayAfter(int attempts, Duration retryAfter) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        long capped = (long) Math.min(max.toMillis(), exponential);
        long half = capped / 2;
        long jittered = half + ThreadLocalRandom.current().nextLong(half + 1);
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
