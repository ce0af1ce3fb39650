package vn.bhxh.publisher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-target pacing inside one instance: a minimum interval between calls, and a pause until the time a
 * service named (Retry-After, usage headers). A job that finds its target blocked goes back to PENDING
 * until then without spending an attempt.
 */
public final class TargetRateLimiter implements TargetPacing {

    private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();

    @Override
    public synchronized Instant reserve(Target target, Instant now) {
        Instant allowed = nextAllowed.getOrDefault(target.id(), Instant.MIN);
        if (allowed.isAfter(now)) {
            return allowed;
        }
        nextAllowed.put(target.id(), now.plus(target.minInterval()));
        return null;
    }

    @Override
    public synchronized void block(String targetId, Instant now, Duration wait) {
        Instant until = now.plus(wait);
        nextAllowed.merge(targetId, until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
