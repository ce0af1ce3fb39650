package vn.bhxh.publisher.connector.facebook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Forms;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpExchange;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Posts to a Facebook Page through the Graph API: a text/link post ({@code POST /{page}/feed}) or, when the
 * payload carries an image, a photo post ({@code POST /{page}/photos} with its URL). Target endpoint: the
 * versioned Graph base ({@code https://graph.facebook.com/v24.0}); account: the Page id; credentials:
 * {@code page_access_token}, sent as a bearer header so it never appears in a URL or log.
 *
 * <p>The Graph API has no idempotency key. If an earlier attempt may have posted (its instance died), we
 * first look among the Page's posts since that attempt for one with the same message and take it.
 */
public final class FacebookPageConnector implements Connector {

    static final String UPLOAD_SESSION = "facebook.uploadSession";
    static final String FILE_HANDLE = "facebook.fileHandle";

    private final HttpExchange http;
    private final MediaFetcher media;
    private final Clock clock;
    private final Duration timeout;

    public FacebookPageConnector(HttpClient http, Clock clock, Duration timeout) {
        this(http, MediaFetcher.http(http), clock, timeout);
    }

    public FacebookPageConnector(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
        this.http = new HttpExchange(http, clock);
        this.media = media;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return FacebookChannel.CHANNEL;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob job = request.job();
        Target target = request.target();
        String token = request.credentials().require("page_access_token");
        if (job.previousAttemptInDoubt()) {
            Optional<DeliveryResult> earlier = findEarlierPost(target, token, job);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ChannelPayload payload = job.payload();
        FacebookPost post = payload.content(FacebookPost.class);
        Optional<MediaRef> video = payload.media().stream()
                .filter(m -> m.contentType() != null && m.contentType().startsWith("video/")).findFirst();
        if (video.isPresent()) {
            return deliverVideo(request, post, video.get(), token);
        }
        Optional<MediaRef> image = payload.media().stream()
                .filter(m -> m.contentType() != null && m.contentType().startsWith("image/")).findFirst();
        Map<String, String> form = new LinkedHashMap<>();
        String path;
        if (image.isPresent()) {
            path = "/" + target.account() + "/photos";
            form.put("url", image.get().url());
            form.put("caption", post.message());
        } else {
            path = "/" + target.account() + "/feed";
            form.put("message", post.message());
            form.put("link", post.link() == null ? payload.link() : post.link());
        }
        String summary = "POST " + path + " fields=" + form.keySet() + " chars=" + post.message().length();
        HttpRequest call = HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form))).build();
        return exchange(call, summary, answer -> {
            // A photo post answers with the photo id and the post id; the post id is what the Page shows and deletes.
            String postId = answer.hasNonNull("post_id") ? answer.get("post_id").asString() : answer.path("id").asString();
            return new String[] {postId, "https://www.facebook.com/" + postId};
        });
    }

    /**
     * Video through the Resumable Upload API: a session on the app ({@code POST /{app-id}/uploads}), the bytes
     * ({@code POST /upload:<session>} with {@code file_offset}) giving a file handle, then
     * {@code POST graph-video…/{page}/videos} with the handle. Session and handle are kept in the job, so a
     * taken-over job continues from the offset Facebook reports instead of uploading again.
     */
    private DeliveryResult deliverVideo(DeliveryRequest request, FacebookPost post, MediaRef video, String token) {
        Target target = request.target();
        // The upload session belongs to the app and takes a user token when one is configured, else the Page token.
        String auth = Optional.ofNullable(request.credentials().get("user_access_token")).orElse(token);
        try {
            String handle = request.memory().recall(FILE_HANDLE);
            if (handle == null) {
                byte[] bytes = media.fetch(video);
                String session = request.memory().recall(UPLOAD_SESSION);
                long offset = 0;
                if (session == null) {
                    String path = "/" + request.credentials().require("app_id") + "/uploads?" + Forms.encode(Map.of(
                            "file_name", video.fileName(), "file_length", Long.toString(bytes.length), "file_type", video.contentType()));
                    HttpAnswer started = http.send(HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                            .header("Authorization", "OAuth " + auth).POST(HttpRequest.BodyPublishers.noBody()).build());
                    if (!started.success() || started.text("id") == null) {
                        return FacebookErrors.classify("POST /{app}/uploads", started);
                    }
                    session = started.text("id");
                    request.memory().remember(UPLOAD_SESSION, session);
                } else {
                    HttpAnswer status = http.send(HttpRequest.newBuilder(target.resolve("/" + session)).timeout(timeout)
                            .header("Authorization", "OAuth " + auth).GET().build());
                    if (!status.success() || status.json() == null) {
                        return FacebookErrors.classify("GET /" + session, status);
                    }
                    offset = status.json().path("file_offset").asLong(0);
                }
                HttpAnswer uploaded = http.send(HttpRequest.newBuilder(target.resolve("/" + session))
                        .timeout(timeout.multipliedBy(10)).header("Authorization", "OAuth " + auth)
                        .header("file_offset", Long.toString(offset))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes, (int) offset, (int) (bytes.length - offset))).build());
                if (!uploaded.success() || uploaded.text("h") == null) {
                    return FacebookErrors.classify("POST /" + session + " file_offset=" + offset, uploaded);
                }
                handle = uploaded.text("h");
                request.memory().remember(FILE_HANDLE, handle);
            }
            String form = Forms.encode(Map.of("title", request.job().payload().title(), "description", post.message(),
                    "fbuploader_video_file_chunk", handle));
            String path = "/" + target.account() + "/videos";
            HttpRequest publish = HttpRequest.newBuilder(videoUri(target, path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return exchange(publish, "POST " + path + " (video)", body -> new String[] {body.path("id").asString(),
                    "https://www.facebook.com/" + target.account() + "/videos/" + body.path("id").asString()});
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("Facebook video", e);
        }
    }

    /** Videos are published on graph-video.facebook.com; any other host (a test server) is used as it is. */
    private static URI videoUri(Target target, String path) {
        return URI.create(target.endpoint().toString().replace("://graph.facebook.com", "://graph-video.facebook.com")
                .replaceAll("/+$", "") + path);
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        HttpRequest delete = HttpRequest.newBuilder(target.resolve("/" + job.remoteId())).timeout(timeout)
                .header("Authorization", "Bearer " + credentials.require("page_access_token")).DELETE().build();
        return exchange(delete, "DELETE /" + job.remoteId(), answer -> new String[] {job.remoteId(), null});
    }

    private Optional<DeliveryResult> findEarlierPost(Target target, String token, PublishJob job) {
        Instant since = job.deliveryLog().stream().filter(a -> DeliveryAttempt.ABANDONED.equals(a.outcome()))
                .map(DeliveryAttempt::startedAt).min(Instant::compareTo).orElse(clock.instant()).minusSeconds(60);
        String path = "/" + target.account() + "/published_posts?fields=id,message,permalink_url&limit=100&since="
                + since.getEpochSecond();
        HttpRequest get = HttpRequest.newBuilder(target.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpAnswer answer = http.send(get);
            if (!answer.success()) {
                return Optional.of(FacebookErrors.classify("GET " + path, answer));
            }
            String message = job.payload().content(FacebookPost.class).message();
            for (JsonNode post : answer.jsonOrEmpty().path("data")) {
                if (message.equals(post.path("message").asString(null))) {
                    return Optional.of(new DeliveryResult.Delivered("GET " + path + " (đã có / already posted)",
                            answer.status(), post.path("id").asString(), post.path("permalink_url").asString(null), null));
                }
            }
            return Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.of(DeliveryResult.unreachable("GET " + path, e));
        }
    }

    private DeliveryResult exchange(HttpRequest request, String summary, Function<JsonNode, String[]> ids) {
        return http.call(summary, request, answer -> {
            JsonNode body = answer.json();
            if (answer.success() && body != null && !body.has("error")) {
                String[] idAndUrl = ids.apply(body);
                return new DeliveryResult.Delivered(summary, answer.status(), idAndUrl[0], idAndUrl[1],
                        FacebookUsage.waitAdvised(answer.headers()));
            }
            return FacebookErrors.classify(summary, answer);
        });
    }
}
