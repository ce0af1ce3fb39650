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
import java.util.Objects;
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

    /**
     * A new revision edits the post already on the Page ({@code POST /{post-id}} with the new {@code message}; a video's
     * {@code name} and {@code description}). The Graph API cannot change a post's photo, video or link: when those differ,
     * or Facebook refuses the edit, the new revision is posted and the earlier post deleted, and the log line says so.
     */
    @Override
    public boolean updatesInPlace() {
        return true;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob previous = request.previous();
        if (previous == null || previous.remoteId() == null) {
            return post(request);
        }
        String token = request.credentials().require("page_access_token", "mã truy cập Trang");
        Optional<MediaRef> video = media(request.job().payload(), "video/");
        boolean sameShape = video.map(MediaRef::url).equals(media(previous.payload(), "video/").map(MediaRef::url))
                && media(request.job().payload(), "image/").map(MediaRef::url)
                        .equals(media(previous.payload(), "image/").map(MediaRef::url))
                && (video.isPresent() || media(request.job().payload(), "image/").isPresent()
                        || Objects.equals(link(request.job().payload()), link(previous.payload())));
        if (!sameShape) {
            return replace(request, previous, token, REPLACED_MEDIA);
        }
        DeliveryResult edited = edit(request, previous, token, video.isPresent());
        if (edited instanceof DeliveryResult.Permanent refused) {
            return refused.status() != null && refused.status() == 404 || GONE.equals(refused.answer())
                    ? post(request) // deleted on the Page by hand: post it again
                    : replace(request, previous, token, REPLACED_REFUSED);
        }
        return edited;
    }

    /** Why a new revision became a new post, for the delivery log. */
    static final String REPLACED_MEDIA = "Facebook không cho đổi ảnh, video hay liên kết của bài đã đăng, nên bản sửa"
            + " đã được đăng thành bài mới và bài cũ đã được gỡ.";
    static final String REPLACED_REFUSED = "Facebook không cho sửa bài đã đăng, nên bản sửa đã được đăng thành bài mới"
            + " và bài cũ đã được gỡ.";
    /** Marks an edit refused because the post no longer exists (Graph error 100, subcode 33). */
    private static final String GONE = "gone";

    private DeliveryResult edit(DeliveryRequest request, PublishJob previous, String token, boolean video) {
        FacebookPost post = request.job().payload().content(FacebookPost.class);
        Map<String, String> form = new LinkedHashMap<>();
        if (video) {
            form.put("name", request.job().payload().title());
            form.put("description", post.message());
        } else {
            form.put("message", post.message());
        }
        String path = "/" + previous.remoteId();
        String summary = "POST " + path + " (sửa bài / edit) fields=" + form.keySet() + " chars=" + post.message().length();
        HttpRequest call = HttpRequest.newBuilder(request.target().resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form))).build();
        return http.call(summary, call, answer -> {
            JsonNode body = answer.json();
            if (answer.success() && body != null && !body.has("error")) {
                return new DeliveryResult.Delivered(summary, answer.status(), previous.remoteId(), previous.remoteUrl(),
                        FacebookUsage.waitAdvised(answer.headers()));
            }
            JsonNode error = body == null ? null : body.path("error");
            if (error != null && error.path("code").asInt() == 100 && error.path("error_subcode").asInt() == 33) {
                return new DeliveryResult.Permanent(summary, answer.status(), null, GONE);
            }
            return FacebookErrors.classify(summary, answer);
        });
    }

    /** Posts the new revision, then deletes the earlier post; a post that could not be deleted is named in the note. */
    private DeliveryResult replace(DeliveryRequest request, PublishJob previous, String token, String why) {
        DeliveryResult posted = post(request);
        if (!(posted instanceof DeliveryResult.Delivered delivered)) {
            return posted;
        }
        HttpRequest delete = HttpRequest.newBuilder(request.target().resolve("/" + previous.remoteId())).timeout(timeout)
                .header("Authorization", "Bearer " + token).DELETE().build();
        DeliveryResult removed = http.call("DELETE /" + previous.remoteId(), delete, answer -> answer.success()
                || answer.status() == 404 ? delivered : FacebookErrors.classify("DELETE /" + previous.remoteId(), answer));
        return delivered.replacingEarlierPost(removed instanceof DeliveryResult.Delivered ? why
                : why.replace(" và bài cũ đã được gỡ.", "; bài cũ chưa gỡ được, hãy gỡ bằng tay tại ")
                        + previous.remoteUrl() + ".");
    }

    private static Optional<MediaRef> media(ChannelPayload payload, String typePrefix) {
        return payload.media().stream().filter(m -> m.contentType() != null && m.contentType().startsWith(typePrefix)).findFirst();
    }

    private static String link(ChannelPayload payload) {
        FacebookPost post = payload.content(FacebookPost.class);
        return post.link() == null ? payload.link() : post.link();
    }

    private DeliveryResult post(DeliveryRequest request) {
        PublishJob job = request.job();
        Target target = request.target();
        String token = request.credentials().require("page_access_token", "mã truy cập Trang");
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
                    String appId = request.credentials().require("app_id", "mã ứng dụng Facebook (App ID)");
                    String path = "/" + appId + "/uploads?" + Forms.encode(Map.of(
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
                .header("Authorization", "Bearer " + credentials.require("page_access_token", "mã truy cập Trang")).DELETE().build();
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
