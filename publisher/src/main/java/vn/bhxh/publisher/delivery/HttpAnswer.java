package vn.bhxh.publisher.delivery;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A remote service's answer: status, headers, the body as text and, when the body is JSON, parsed ({@code json}
 * is null otherwise). {@code receivedAt} is when it came, for Retry-After dates.
 */
public record HttpAnswer(int status, HttpHeaders headers, String body, JsonNode json, Instant receivedAt) {

    public boolean success() {
        return HttpAnswers.success(status);
    }

    /** The parsed body, or an empty object's view of it: {@code path} on it never fails. */
    public JsonNode jsonOrEmpty() {
        return json == null ? MissingNode.getInstance() : json;
    }

    /** A JSON field's text, or null. */
    public String text(String field) {
        return HttpExchange.text(json, field);
    }

    public Duration retryAfter() {
        return HttpAnswers.retryAfter(headers, receivedAt);
    }

    /** The usual class of a non-2xx answer (5xx/429 transient, 401/403 token rejected, else permanent), for a portal. */
    public DeliveryResult classified(String summary) {
        return classified("Máy chủ nhận bài", summary);
    }

    /** As {@link #classified(String)}, with the reason naming {@code service} as people know it ("Facebook"). */
    public DeliveryResult classified(String service, String summary) {
        return HttpAnswers.classify(service, summary, status, headers, body, receivedAt);
    }
}
