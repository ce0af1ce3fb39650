package vn.bhxh.publisher.connector.facebook;

import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Graph API error codes to our classes (developers.facebook.com/docs/graph-api/guides/error-handling).
 * Throttling codes wait as long as the usage headers say access returns, at least a minute.
 */
final class FacebookErrors {

    private static final Set<Integer> TEMPORARY = Set.of(1, 2);
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001);
    private static final int TOKEN = 190;
    private static final int POLICY_BLOCK = 368;
    private static final int DUPLICATE = 506;

    private FacebookErrors() {
    }

    static DeliveryResult classify(String summary, HttpAnswer answer) {
        JsonNode error = answer.json() == null ? null : answer.json().get("error");
        if (error == null) {
            return answer.classified(summary, answer.json() == null ? null : answer.json().toString());
        }
        int status = answer.status();
        HttpHeaders headers = answer.headers();
        Instant now = answer.receivedAt();
        int code = error.path("code").asInt(-1);
        int subcode = error.path("error_subcode").asInt(0);
        String reason = "Facebook " + code + (subcode == 0 ? "" : "/" + subcode) + ": " + error.path("message").asString("")
                + (error.hasNonNull("error_user_msg") ? " — " + error.get("error_user_msg").asString() : "")
                + (error.hasNonNull("fbtrace_id") ? " (fbtrace_id " + error.get("fbtrace_id").asString() + ")" : "");
        if (TEMPORARY.contains(code)) {
            return new DeliveryResult.Transient(summary, status, reason, HttpAnswers.retryAfter(headers, now));
        }
        if (THROTTLED.contains(code)) {
            Duration regain = FacebookUsage.waitAdvised(headers);
            return new DeliveryResult.Transient(summary, status, reason,
                    regain != null && regain.compareTo(Duration.ofMinutes(1)) > 0 ? regain : Duration.ofMinutes(1));
        }
        if (code == POLICY_BLOCK) {
            return new DeliveryResult.Transient(summary, status, reason, Duration.ofHours(1));
        }
        if (code == TOKEN || code == 102 || code == 10 || (code >= 200 && code <= 299)) {
            // Expired or revoked token, or a lost permission: only a Page admin can fix it.
            return new DeliveryResult.TokenRejected(summary, status, reason);
        }
        if (code == DUPLICATE) {
            return new DeliveryResult.Permanent(summary, status, "Bài trùng lặp / duplicate post — " + reason);
        }
        if (status >= 500) {
            return new DeliveryResult.Transient(summary, status, reason, HttpAnswers.retryAfter(headers, now));
        }
        return new DeliveryResult.Permanent(summary, status, reason);
    }
}
