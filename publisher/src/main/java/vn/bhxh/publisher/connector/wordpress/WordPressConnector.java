package vn.bhxh.publisher.connector.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswers;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Publishes to a WordPress portal through its REST API (developer.wordpress.org/rest-api). Target endpoint:
 * the site root ({@code https://bhxh.laocai.gov.vn}); credentials: {@code username} and
 * {@code application_password} (WordPress Application Passwords, sent as HTTP Basic).
 *
 * <p>Check-before-post: every post we create carries the slug {@code bhxh-<idempotency key>}; before creating
 * we look that slug up (any status), so a retry after a lost answer finds the post instead of making a second
 * one. An uploaded featured image is remembered in the job for the same reason.
 */
public final class WordPressConnector implements Connector {

    static final String MEDIA_ID = "wordpress.mediaId";

    private final HttpClient http;
    private final MediaFetcher media;
    private final Clock clock;
    private final Duration timeout;

    public WordPressConnector(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
        this.http = http;
        this.media = media;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.WORDPRESS;
    }

    static String slug(PublishJob job) {
        return "bhxh-" + job.idempotencyKey();
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob job = request.job();
        Target target = request.target();
        String auth = basic(request.credentials());
        try {
            String lookup = "/wp-json/wp/v2/posts?slug=" + slug(job) + "&status=publish,future,draft,pending,private&context=edit";
            HttpResponse<String> existing = send(get(target, lookup, auth));
            if (!HttpAnswers.success(existing.statusCode())) {
                return classify("GET " + lookup, existing);
            }
            JsonNode found = parse(existing.body());
            if (found != null && found.isArray() && !found.isEmpty()) {
                JsonNode post = found.get(0);
                return new DeliveryResult.Delivered("GET " + lookup + " (đã có / already posted)", existing.statusCode(),
                        post.path("id").asText(), post.path("link").asText(null), null);
            }
            String mediaId = request.memory().recall(MEDIA_ID);
            Optional<MediaRef> image = job.payload().media().stream()
                    .filter(m -> m.contentType() != null && m.contentType().startsWith("image/")).findFirst();
            if (mediaId == null && image.isPresent()) {
                HttpResponse<String> uploaded = send(upload(target, auth, image.get()));
                if (!HttpAnswers.success(uploaded.statusCode())) {
                    return classify("POST /wp-json/wp/v2/media " + image.get().fileName(), uploaded);
                }
                mediaId = parse(uploaded.body()).path("id").asText();
                request.memory().remember(MEDIA_ID, mediaId);
            }
            ObjectNode post = postBody(job, mediaId);
            HttpResponse<String> created = send(HttpRequest.newBuilder(uri(target, "/wp-json/wp/v2/posts")).timeout(timeout)
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(post))).build());
            String summary = "POST /wp-json/wp/v2/posts slug=" + slug(job) + " status=" + post.path("status").asText()
                    + (mediaId == null ? "" : " featured_media=" + mediaId);
            if (!HttpAnswers.success(created.statusCode())) {
                return classify(summary, created);
            }
            JsonNode answer = parse(created.body());
            return new DeliveryResult.Delivered(summary, created.statusCode(), answer.path("id").asText(),
                    answer.path("link").asText(null), null);
        } catch (IOException e) {
            return new DeliveryResult.Transient("WordPress " + target.endpoint(), null, "Lỗi mạng / network error: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("WordPress", null, "Bị ngắt / interrupted", null);
        }
    }

    /** Replaces title, content and excerpt of the post this job created (a corrected variant). */
    public DeliveryResult update(PublishJob job, Target target, Credentials credentials) {
        try {
            String path = "/wp-json/wp/v2/posts/" + job.remoteId();
            ObjectNode body = postBody(job, null);
            body.remove("status");
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(target, path)).timeout(timeout)
                    .header("Authorization", basic(credentials)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build());
            if (!HttpAnswers.success(response.statusCode())) {
                return classify("POST " + path, response);
            }
            JsonNode answer = parse(response.body());
            return new DeliveryResult.Delivered("POST " + path, response.statusCode(), answer.path("id").asText(),
                    answer.path("link").asText(null), null);
        } catch (IOException e) {
            return new DeliveryResult.Transient("WordPress update", null, "Lỗi mạng / network error: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("WordPress update", null, "Bị ngắt / interrupted", null);
        }
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        String path = "/wp-json/wp/v2/posts/" + job.remoteId() + "?force=true";
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(target, path)).timeout(timeout)
                    .header("Authorization", basic(credentials)).DELETE().build());
            if (HttpAnswers.success(response.statusCode()) || response.statusCode() == 404 || response.statusCode() == 410) {
                return new DeliveryResult.Delivered("DELETE " + path, response.statusCode(), job.remoteId(), null, null);
            }
            return classify("DELETE " + path, response);
        } catch (IOException e) {
            return new DeliveryResult.Transient("DELETE " + path, null, "Lỗi mạng / network error: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("DELETE " + path, null, "Bị ngắt / interrupted", null);
        }
    }

    private ObjectNode postBody(PublishJob job, String mediaId) {
        ChannelPayload payload = job.payload();
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("title", payload.title());
        post.put("content", payload.body());
        post.put("excerpt", payload.summary());
        post.put("slug", slug(job));
        // Due later than now (a job delivered ahead of time): let WordPress publish it itself at the due time.
        if (job.dueAt().isAfter(clock.instant().plusSeconds(60))) {
            post.put("status", "future");
            post.put("date_gmt", job.dueAt().toString().replace("Z", ""));
        } else {
            post.put("status", "publish");
        }
        if (mediaId != null) {
            post.put("featured_media", Long.parseLong(mediaId));
        }
        return post;
    }

    private HttpRequest upload(Target target, String auth, MediaRef image) throws IOException {
        byte[] bytes = media.fetch(image);
        // HTTP headers are ASCII: a plain fallback name, and the real Vietnamese name per RFC 6266/8187.
        String disposition = "attachment; filename=\"" + asciiFallback(image.fileName()) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(image.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpRequest.newBuilder(uri(target, "/wp-json/wp/v2/media")).timeout(timeout)
                .header("Authorization", auth).header("Content-Type", image.contentType())
                .header("Content-Disposition", disposition)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    static String asciiFallback(String fileName) {
        String stripped = java.text.Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** WordPress errors: {@code {"code":"rest_invalid_param","message":…,"data":{"status":400}}}. */
    private DeliveryResult classify(String summary, HttpResponse<String> response) {
        JsonNode error = parse(response.body());
        String detail = error != null && error.hasNonNull("code")
                ? error.get("code").asText() + ": " + error.path("message").asText("") : response.body();
        return HttpAnswers.classify(summary, response.statusCode(), response.headers(), "WordPress " + detail, clock.instant());
    }

    private HttpRequest get(Target target, String path, String auth) {
        return HttpRequest.newBuilder(uri(target, path)).timeout(timeout).header("Authorization", auth).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(Credentials credentials) {
        String pair = credentials.require("username") + ":" + credentials.require("application_password");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(Target target, String path) {
        return URI.create(target.endpoint().toString().replaceAll("/+$", "") + path);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
