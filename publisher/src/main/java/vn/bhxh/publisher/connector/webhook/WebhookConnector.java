package vn.bhxh.publisher.connector.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpExchange;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Posts the payload as signed JSON to a portal's endpoint (see {@link WebhookSignature} for the receiving
 * side). The job's idempotency key travels in {@code Idempotency-Key} and as the body's {@code id}; a portal
 * that stores it once turns our at-least-once retries into exactly one post.
 * Credentials: {@code secret}. Removal: {@code DELETE <endpoint>/<idempotency key>}, signed over an empty body.
 */
public final class WebhookConnector implements Connector {

    private final HttpExchange http;
    private final Clock clock;
    private final Duration timeout;

    public WebhookConnector(HttpClient http, Clock clock, Duration timeout) {
        this.http = new HttpExchange(http, clock);
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return WebhookChannel.CHANNEL;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PortalArticle article = request.job().payload().content(PortalArticle.class);
        return push(request, article.title(), article.html());
    }

    /** Posts the job with {@code title} and {@code text} as the body's title and body (the app feed pushes its card). */
    public DeliveryResult push(DeliveryRequest request, String title, String text) {
        PublishJob job = request.job();
        byte[] body = body(job, title, text);
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
        URI uri = target.resolve("/" + job.idempotencyKey());
        HttpRequest delete = signed(HttpRequest.newBuilder(uri), credentials, new byte[0], job.idempotencyKey())
                .DELETE().build();
        return send(delete, "DELETE " + uri, false);
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder, Credentials credentials, byte[] body, String key) {
        long timestamp = clock.instant().getEpochSecond();
        return builder.timeout(timeout)
                .header(WebhookSignature.IDEMPOTENCY_HEADER, key)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(
                        credentials.require("secret", "khóa bí mật dùng để ký"), timestamp, body));
    }

    private DeliveryResult send(HttpRequest request, String summary, boolean conflictMeansDone) {
        return http.call(summary, request, answer -> {
            int status = answer.status();
            if (answer.success() || (conflictMeansDone && status == 409) || (!conflictMeansDone && status == 404)) {
                return delivered(summary, answer);
            }
            return answer.classified(summary);
        });
    }

    private static DeliveryResult delivered(String summary, HttpAnswer answer) {
        return new DeliveryResult.Delivered(summary, answer.status(), answer.text("id"), answer.text("url"), null);
    }

    static byte[] body(PublishJob job, String title, String text) {
        ChannelPayload p = job.payload();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", job.idempotencyKey());
        node.put("productId", job.productId());
        node.put("releaseId", job.releaseId());
        node.put("language", p.language());
        node.put("audience", p.audience());
        node.put("title", title);
        node.put("body", text);
        node.put("summary", p.summary());
        node.put("link", p.link());
        node.set("media", Json.mapper().valueToTree(p.media()));
        node.put("publishAt", job.dueAt().toString());
        node.put("payloadSha256", job.payloadSha256());
        return Json.mapper().writeValueAsBytes(node);
    }
}
