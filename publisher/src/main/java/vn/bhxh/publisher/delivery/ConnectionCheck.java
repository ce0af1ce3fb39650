package vn.bhxh.publisher.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import vn.bhxh.publisher.connector.webhook.WebhookSignature;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.Json;

/**
 * The admin's "test connection" button: one harmless, read-only call per channel that proves the endpoint answers
 * and the stored credentials are accepted, without posting anything.
 */
public final class ConnectionCheck {

    /** What the check found, in a sentence an admin can act on. */
    public record Result(boolean ok, Integer status, String message) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    public ConnectionCheck(HttpClient http, Clock clock, Duration timeout) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    public Result check(Target target, Credentials credentials) {
        try {
            return switch (target.channel()) {
                case APP_FEED -> new Result(true, null, "Bảng tin do CMS phục vụ, không cần kết nối / the feed is served by the CMS itself");
                case WEBHOOK -> webhook(target, credentials);
                case WORDPRESS -> answer(get(uri(target, "/wp-json/wp/v2/users/me?context=edit"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (credentials.require("username") + ":" + credentials.require("application_password"))
                                        .getBytes(StandardCharsets.UTF_8))).build(), "WordPress");
                case FACEBOOK -> answer(get(uri(target, "/" + target.account() + "?fields=id,name"))
                        .header("Authorization", "Bearer " + credentials.require("page_access_token")).build(), "Facebook");
                case ZALO -> zalo(target, credentials);
                case YOUTUBE -> answer(get(uri(target, "/youtube/v3/channels?part=id&mine=true"))
                        .header("Authorization", "Bearer " + credentials.require("access_token")).build(), "YouTube");
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Result(false, null, e.getMessage());
        } catch (IOException e) {
            return new Result(false, null, "Không kết nối được / could not connect: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "Bị ngắt / interrupted");
        }
    }

    /** A signed GET with an empty body: receivers that only take POST answer 405, which still proves they are there. */
    private Result webhook(Target target, Credentials credentials) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = get(target.endpoint())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(credentials.require("secret"), timestamp, new byte[0]))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (HttpAnswers.success(status) || status == 405) {
            return new Result(true, status, "Cổng nhận tin trả lời / the portal answered (HTTP " + status + ")");
        }
        if (status == 401 || status == 403) {
            return new Result(false, status, "Cổng từ chối chữ ký: kiểm tra khóa bí mật / the portal refused the signature: check the secret");
        }
        return new Result(false, status, "Cổng trả lời HTTP " + status + " / the portal answered HTTP " + status);
    }

    /** Zalo answers HTTP 200 with its own error code in the body; 0 means the access token works. */
    private Result zalo(Target target, Credentials credentials) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get(uri(target, "/v2.0/oa/getoa"))
                .header("access_token", credentials.require("access_token")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = parse(response.body());
        int error = body.path("error").asInt(response.statusCode() == 200 ? 0 : -1);
        if (response.statusCode() == 200 && error == 0) {
            return new Result(true, 200, "Zalo OA: " + body.path("data").path("name").asText(target.account()));
        }
        return new Result(false, response.statusCode(), "Zalo từ chối / Zalo refused: " + error + " "
                + body.path("message").asText(HttpAnswers.abbreviate(response.body())));
    }

    private Result answer(HttpRequest request, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (HttpAnswers.success(status)) {
            JsonNode body = parse(response.body());
            String name = body.path("name").asText(body.path("id").asText(""));
            return new Result(true, status, service + " đã nhận thông tin đăng nhập / accepted the credentials"
                    + (name.isEmpty() ? "" : ": " + name));
        }
        JsonNode error = parse(response.body()).path("error");
        String detail = error.isObject() ? error.path("message").asText("") + (error.has("code") ? " (" + error.path("code").asText() + ")" : "")
                : HttpAnswers.abbreviate(response.body());
        String meaning = status == 401 || status == 403 || error.path("code").asInt() == 190
                ? "thông tin đăng nhập không còn hiệu lực / the credentials are not accepted"
                : "HTTP " + status;
        return new Result(false, status, service + ": " + meaning + " — " + detail);
    }

    private HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET();
    }

    private static URI uri(Target target, String path) {
        if (target.endpoint() == null) {
            throw new IllegalArgumentException("Đích chưa có địa chỉ / the target has no endpoint");
        }
        return URI.create(target.endpoint().toString().replaceAll("/+$", "") + path);
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
