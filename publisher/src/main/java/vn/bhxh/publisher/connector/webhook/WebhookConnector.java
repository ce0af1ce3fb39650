package vn.bhxh.publisher.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswers;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.PublishJob;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts the payload as signed JSON to a portal's endpoint (see {@link WebhookSignature} for the receiving
 * side). The job's idempotency key travels in {@code Idempotency-Key} and as the body's {@code id}; a portal
 * that stores it once turns our at-least-once retries into exactly one post.
 * Credentials: {@code secret}. Removal: {@code DELETE <endpoint>/<idempotency key>}, signed over an empty body.
 */
public final class WebhookConnector implements Connector {

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    public WebhookConnector(HttpClient http, Clock clock, Duration timeout) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob job = request.job();
        byte[] body = body(job);
        String summary = "POST " + request.target().endpoint() + " id=" + job.idempotencyKey() + " bytes=" + body.length;
        HttpRequest post = signed(HttpRequest.newBuilder(request.target().endpoint()), request.credentials(), body,
                job.idempotencyKey())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(post, summary, true);
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        URI uri = URI.create(target.endpoint().toString().replaceAll("/+$", "") + "/" + job.idempotencyKey());
        HttpRequest delete = signed(HttpRequest.newBuilder(uri), credentials, new byte[0], job.idempotencyKey())
                .DELETE().build();
        return send(delete, "DELETE " + uri, false);
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder, Credentials credentials, byte[] body, String key) {
        long timestamp = clock.instant().getEpochSecond();
        return builder.timeout(timeout)
                .header(WebhookSignature.IDEMPOTENCY_HEADER, key)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(credentials.require("secret"), timestamp, body));
    }

    private DeliveryResult send(HttpRequest request, String summary, boolean conflictMeansDone) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (HttpAnswers.success(status) || (conflictMeansDone && status == 409) || (!conflictMeansDone && status == 404)) {
                JsonNode answer = parse(response.body());
                return new DeliveryResult.Delivered(summary, status, text(answer, "id"), text(answer, "url"), null);
            }
            return HttpAnswers.classify(summary, status, response.headers(), response.body(), clock.instant());
        } catch (IOException e) {
            return new DeliveryResult.Transient(summary, null, "Lỗi mạng / network error: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient(summary, null, "Bị ngắt / interrupted", null);
        }
    }

    static byte[] body(PublishJob job) {
        ChannelPayload p = job.payload();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", job.idempotencyKey());
        node.put("productId", job.productId());
        node.put("releaseId", job.releaseId());
        node.put("language", p.language());
        node.put("audience", p.audience());
        node.put("title", p.title());
        node.put("body", p.body());
        node.put("summary", p.summary());
        node.put("link", p.link());
        node.set("media", Json.mapper().valueToTree(p.media()));
        node.put("publishAt", job.dueAt().toString());
        node.put("payloadSha256", job.payloadSha256());
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
