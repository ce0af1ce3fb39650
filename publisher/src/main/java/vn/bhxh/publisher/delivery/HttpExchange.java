package vn.bhxh.publisher.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.job.Json;

/**
 * The one way connectors and connection checks talk HTTP: send a request, read the answer as UTF-8 text, parse it
 * as JSON when it is JSON, and classify it ({@link HttpAnswer#classified(String)}). A network failure of a single
 * call becomes a transient result in {@link #call}; multi-step flows catch it once with {@link DeliveryResult#unreachable}.
 */
public final class HttpExchange {

    private final HttpClient http;
    private final Clock clock;

    public HttpExchange(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public HttpAnswer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new HttpAnswer(response.statusCode(), response.headers(), response.body(), Json.parseOrNull(response.body()),
                clock.instant());
    }

    /** One request whose answer {@code handle} turns into the result; no answer at all is worth another try. */
    public DeliveryResult call(String summary, HttpRequest request, Function<HttpAnswer, DeliveryResult> handle) {
        try {
            return handle.apply(send(request));
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable(summary, e);
        }
    }

    /** Sends and maps a 2xx answer to {@code delivered}, anything else to its usual class. */
    public DeliveryResult deliver(String summary, HttpRequest request, Function<HttpAnswer, DeliveryResult> delivered) {
        return call(summary, request, answer -> answer.success() ? delivered.apply(answer) : answer.classified(summary));
    }

    /** Text of a JSON answer's field, or null. */
    public static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
