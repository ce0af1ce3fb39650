package vn.bhxh.publisher.delivery;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** HTTP facts shared by connectors: status classes and Retry-After (RFC 9110 §10.2.3: seconds or an HTTP date). */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    public static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    /** Server trouble or throttling: a later try can succeed. */
    public static boolean transientStatus(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    public static Duration retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").map(value -> parseRetryAfter(value, now)).orElse(null);
    }

    static Duration parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }

    /** The usual answer to a non-2xx status when the service has nothing more specific to say. */
    public static DeliveryResult classify(String summary, int status, HttpHeaders headers, String body, Instant now) {
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (transientStatus(status)) {
            return new DeliveryResult.Transient(summary, status, reason, retryAfter(headers, now));
        }
        if (status == 401 || status == 403) {
            return new DeliveryResult.TokenRejected(summary, status, reason);
        }
        return new DeliveryResult.Permanent(summary, status, reason);
    }

    public static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
