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
            return new Transient(summary, null, "Việc gửi bị ngắt giữa chừng; hệ thống sẽ tự thử lại.", null, String.valueOf(cause));
        }
        String reason = cause instanceof java.net.http.HttpTimeoutException
                ? "Máy chủ của kênh không trả lời kịp. Hệ thống sẽ tự thử lại; nếu lỗi kéo dài, hãy báo người quản trị kênh."
                : "Không kết nối được tới máy chủ của kênh. Hệ thống sẽ tự thử lại; nếu lỗi kéo dài, hãy kiểm tra địa chỉ của đích.";
        // The exception (its class and message) is for administrators, in the delivery log only.
        return new Transient(summary, null, reason, null, String.valueOf(cause));
    }

    Integer status();

    /** Why it did not go through, for people; null when it did. */
    String reason();

    /**
     * The remote side has the post. {@code slowDown}: the service's usage headers ask us to wait before the next call.
     * {@code note}: how an earlier revision's post was dealt with, for people, when the connector could not simply update
     * it (it posted anew and removed the earlier one); null otherwise.
     */
    record Delivered(String requestSummary, Integer status, String remoteId, String remoteUrl, Duration slowDown, String note)
            implements DeliveryResult {

        public Delivered(String requestSummary, Integer status, String remoteId, String remoteUrl, Duration slowDown) {
            this(requestSummary, status, remoteId, remoteUrl, slowDown, null);
        }

        @Override
        public String reason() {
            return null;
        }

        /** The same delivery, which replaced the earlier revision's post by a new one, saying so. */
        public Delivered replacingEarlierPost(String why) {
            return new Delivered(requestSummary, status, remoteId, remoteUrl, slowDown, why);
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

    /**
     * The service does not let us change the earlier revision's post ({@code remoteUrl}), and posting a second one beside
     * it would confuse readers: it stays as it was and a person must update it by hand.
     */
    record UpdateByHand(String requestSummary, Integer status, String reason, String answer, String remoteUrl)
            implements DeliveryResult {
    }

    /** The target's credentials are expired, revoked or wrong: pause the target and tell its admins. */
    record TokenRejected(String requestSummary, Integer status, String reason, String answer) implements DeliveryResult {
        public TokenRejected(String requestSummary, Integer status, String reason) {
            this(requestSummary, status, reason, null);
        }
    }
}
