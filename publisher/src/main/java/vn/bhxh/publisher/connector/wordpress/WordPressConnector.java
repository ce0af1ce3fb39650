package vn.bhxh.publisher.connector.wordpress;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.connector.webhook.PortalArticle;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpExchange;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.Json;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;

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

    private final HttpExchange http;
    private final MediaFetcher media;
    private final Clock clock;
    private final Duration timeout;

    public WordPressConnector(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
        this.http = new HttpExchange(http, clock);
        this.media = media;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return WordPressChannel.CHANNEL;
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
            HttpAnswer existing = http.send(get(target, lookup, auth));
            if (!existing.success()) {
                return classify("GET " + lookup, existing);
            }
            JsonNode found = existing.json();
            if (found != null && found.isArray() && !found.isEmpty()) {
                JsonNode post = found.get(0);
                return new DeliveryResult.Delivered("GET " + lookup + " (đã có / already posted)", existing.status(),
                        post.path("id").asString(), post.path("link").asString(null), null);
            }
            String mediaId = request.memory().recall(MEDIA_ID);
            Optional<MediaRef> image = job.payload().media().stream()
                    .filter(m -> m.contentType() != null && m.contentType().startsWith("image/")).findFirst();
            if (mediaId == null && image.isPresent()) {
                HttpAnswer uploaded = http.send(upload(target, auth, image.get()));
                if (!uploaded.success()) {
                    return classify("POST /wp-json/wp/v2/media " + image.get().fileName(), uploaded);
                }
                mediaId = uploaded.jsonOrEmpty().path("id").asString();
                request.memory().remember(MEDIA_ID, mediaId);
            }
            ObjectNode post = postBody(job, mediaId);
            String summary = "POST /wp-json/wp/v2/posts slug=" + slug(job) + " status=" + post.path("status").asString()
                    + (mediaId == null ? "" : " featured_media=" + mediaId);
            HttpAnswer created = http.send(json(HttpRequest.newBuilder(target.resolve("/wp-json/wp/v2/posts")), auth, post));
            return created.success() ? delivered(summary, created) : classify(summary, created);
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("WordPress " + target.endpoint(), e);
        }
    }

    /** Replaces title, content and excerpt of the post this job created (a corrected variant). */
    public DeliveryResult update(PublishJob job, Target target, Credentials credentials) {
        String path = "/wp-json/wp/v2/posts/" + job.remoteId();
        ObjectNode body = postBody(job, null);
        body.remove("status");
        return http.call("WordPress update", json(HttpRequest.newBuilder(target.resolve(path)), basic(credentials), body),
                answer -> answer.success() ? delivered("POST " + path, answer) : classify("POST " + path, answer));
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        String path = "/wp-json/wp/v2/posts/" + job.remoteId() + "?force=true";
        HttpRequest delete = HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                .header("Authorization", basic(credentials)).DELETE().build();
        return http.call("DELETE " + path, delete, answer -> answer.success() || answer.status() == 404 || answer.status() == 410
                ? new DeliveryResult.Delivered("DELETE " + path, answer.status(), job.remoteId(), null, null)
                : classify("DELETE " + path, answer));
    }

    private static DeliveryResult delivered(String summary, HttpAnswer answer) {
        JsonNode post = answer.jsonOrEmpty();
        return new DeliveryResult.Delivered(summary, answer.status(), post.path("id").asString(),
                post.path("link").asString(null), null);
    }

    private HttpRequest json(HttpRequest.Builder builder, String auth, ObjectNode body) {
        return builder.timeout(timeout).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build();
    }

    private ObjectNode postBody(PublishJob job, String mediaId) {
        PortalArticle article = job.payload().content(PortalArticle.class);
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("title", article.title());
        post.put("content", article.html());
        post.put("excerpt", job.payload().summary());
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
        return HttpRequest.newBuilder(target.resolve("/wp-json/wp/v2/media")).timeout(timeout)
                .header("Authorization", auth).header("Content-Type", image.contentType())
                .header("Content-Disposition", disposition)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    static String asciiFallback(String fileName) {
        String stripped = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** WordPress errors: {@code {"code":"rest_invalid_param","message":…,"data":{"status":400}}}. */
    private static DeliveryResult classify(String summary, HttpAnswer answer) {
        JsonNode error = answer.json();
        String detail = error != null && error.hasNonNull("code")
                ? error.get("code").asString() + ": " + error.path("message").asString("") : answer.body();
        return answer.classified(summary, "WordPress " + detail);
    }

    private HttpRequest get(Target target, String path, String auth) {
        return HttpRequest.newBuilder(target.resolve(path)).timeout(timeout).header("Authorization", auth).GET().build();
    }

    static String basic(Credentials credentials) {
        String pair = credentials.require("username") + ":" + credentials.require("application_password");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
