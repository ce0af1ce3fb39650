package vn.bhxh.publisher.delivery;

import java.time.Duration;

/**
 * What a connector learned from the remote side, already classified: the scheduler decides the job's next
 * state from this alone. {@code requestSummary} is for the delivery log and must not hold secrets.
 */
public sealed interface DeliveryResult {

    String requestSummary();

    /**
     * No answer at all (network error, or this thread was interrupted): worth another try. Restores the interrupt
     * flag, so the scheduler's loop still sees it.
     */
    static Transient unreachable(String summary, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new Transient(summary, null, "Bị ngắt / interrupted", null);
        }
        return new Transient(summary, null, "Lỗi mạng / network error: " + cause, null);
    }

    Integer status();

    /** Why it did not go through, for people; null when it did. */
    String reason();

    /** The remote side has the post. {@code slowDown}: the service's usage headers ask us to wait before the next call. */
    record Delivered(String requestSummary, Integer status, String remoteId, String remoteUrl, Duration slowDown)
            implements DeliveryResult {

        @Override
        public String reason() {
            return null;
        }
    }

    /** The service's answer as it came, for the delivery log (administrators); null where the connector kept none. */
    default String answer() {
        return null;
    }

    /** Worth trying again: timeouts, 5xx, throttling. {@code retryAfter} as the service asked, or null. */
    record Transient(String requestSummary, Integer status, String reason, Duration retryAfter, String answer)
            implements DeliveryResult {
        public Transient(String requestSummary, Integer status, String reason, Duration retryAfter) {
            this(requestSummary, status, reason, retryAfter, null);
        }
    }

    /** Will fail the same way again (bad request, duplicate): the job fails with the reason. */
    record Permanent(String requestSummary, Integer status, String reason, String answer) implements DeliveryResult {
        public Permanent(String requestSummary, Integer status, String reason) {
            this(requestSummary, status, reason, null);
        }
    }

    /** The target's credentials are expired, revoked or wrong: pause the target and tell its admins. */
    record TokenRejected(String requestSummary, Integer status, String reason, String answer) implements DeliveryResult {
        public TokenRejected(String requestSummary, Integer status, String reason) {
            this(requestSummary, status, reason, null);
        }
    }
}
