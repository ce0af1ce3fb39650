package vn.bhxh.publisher.connector.youtube;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
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
 * Uploads a video to a YouTube channel with the resumable protocol of the Data API v3
 * (developers.google.com/youtube/v3/guides/using_resumable_upload_protocol). Target endpoint:
 * {@code https://www.googleapis.com}; credentials: an OAuth {@code access_token} with the youtube.upload scope.
 *
 * <p>The session URI is kept in the job as soon as YouTube gives it, so an upload cut off by a network error
 * — or by the death of the instance — continues from the last byte YouTube confirmed instead of starting a
 * second video. A video due later is uploaded private with {@code status.publishAt}, and YouTube publishes it.
 */
public final class YouTubeConnector implements Connector {

    static final String SESSION = "youtube.uploadSession";
    private static final int MAX_INTERRUPTIONS = 5;

    private final HttpExchange http;
    private final MediaFetcher media;
    private final Clock clock;
    private final Duration timeout;

    public YouTubeConnector(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
        this.http = new HttpExchange(http, clock);
        this.media = media;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return YouTubeChannel.CHANNEL;
    }

    /**
     * A new revision with the same video file updates the title and description of the video already on the channel
     * ({@code videos.update} with {@code part=snippet}; the snippet is read first, since an update clears what it does
     * not send, such as the category). YouTube cannot change a video's file: a new file is uploaded as a new video and
     * the earlier one deleted, and the log line says so.
     */
    @Override
    public boolean updatesInPlace() {
        return true;
    }

    static final String REPLACED_VIDEO = "YouTube không cho thay tệp của video đã đăng, nên bản sửa đã được tải lên thành"
            + " video mới và video cũ đã được gỡ.";

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob previous = request.previous();
        if (previous == null || previous.remoteId() == null) {
            return upload(request);
        }
        Optional<String> file = video(request.job()).map(MediaRef::url);
        if (file.isPresent() && file.equals(video(previous).map(MediaRef::url))) {
            return updateSnippet(request, previous);
        }
        DeliveryResult uploaded = upload(request);
        if (!(uploaded instanceof DeliveryResult.Delivered delivered)) {
            return uploaded;
        }
        DeliveryResult removed = remove(previous, request.target(), request.credentials());
        return delivered.replacingEarlierPost(removed instanceof DeliveryResult.Delivered ? REPLACED_VIDEO
                : REPLACED_VIDEO.replace(" và video cũ đã được gỡ.", "; video cũ chưa gỡ được, hãy gỡ bằng tay tại ")
                        + previous.remoteUrl() + ".");
    }

    private static Optional<MediaRef> video(PublishJob job) {
        return job.payload().media().stream()
                .filter(m -> m.contentType() != null && m.contentType().startsWith("video/")).findFirst();
    }

    /** Reads the video's snippet (one quota unit), then writes it back with the new title and description. */
    private DeliveryResult updateSnippet(DeliveryRequest request, PublishJob previous) {
        String token = "Bearer " + request.credentials().require("access_token", "mã truy cập kênh YouTube");
        String id = previous.remoteId();
        String list = "/youtube/v3/videos?part=snippet&id=" + id;
        try {
            HttpAnswer current = http.send(HttpRequest.newBuilder(request.target().resolve(list)).timeout(timeout)
                    .header("Authorization", token).GET().build());
            if (!current.success()) {
                return classify("GET " + list, current);
            }
            JsonNode items = current.jsonOrEmpty().path("items");
            if (items.isEmpty()) {
                return upload(request); // deleted on YouTube by hand: upload it again
            }
            JsonNode snippet = items.path(0).path("snippet");
            YoutubeVideo rendered = request.job().payload().content(YoutubeVideo.class);
            ObjectNode resource = Json.mapper().createObjectNode().put("id", id);
            ObjectNode updated = resource.putObject("snippet");
            updated.put("title", title(rendered));
            updated.put("description", rendered.description());
            updated.put("categoryId", snippet.path("categoryId").asString("25"));
            updated.put("defaultLanguage", request.job().payload().language());
            if (snippet.has("tags")) {
                updated.set("tags", snippet.get("tags"));
            }
            String summary = "PUT /youtube/v3/videos?part=snippet (cập nhật / update) id=" + id;
            HttpAnswer saved = http.send(HttpRequest.newBuilder(request.target().resolve("/youtube/v3/videos?part=snippet"))
                    .timeout(timeout).header("Authorization", token).header("Content-Type", "application/json; charset=UTF-8")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(resource))).build());
            if (!saved.success()) {
                return classify(summary, saved);
            }
            return new DeliveryResult.Delivered(summary, saved.status(), id, previous.remoteUrl(), null);
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("YouTube", e);
        }
    }

    private static String title(YoutubeVideo rendered) {
        return rendered.title().length() <= 100 ? rendered.title() : rendered.title().substring(0, 99) + "…";
    }

    private DeliveryResult upload(DeliveryRequest request) {
        PublishJob job = request.job();
        Optional<MediaRef> video = video(job);
        if (video.isEmpty()) {
            return new DeliveryResult.Permanent("YouTube", null, "Bản này không có tệp video nên không đăng được lên YouTube."
                    + " Hãy đính kèm video rồi lên lịch lại.");
        }
        String token = "Bearer " + request.credentials().require("access_token", "mã truy cập kênh YouTube");
        try {
            byte[] bytes = media.fetch(video.get());
            String session = request.memory().recall(SESSION);
            long offset = 0;
            if (session != null && !session.isEmpty()) {
                Progress progress = status(URI.create(session), token, bytes.length);
                if (progress.done() != null) {
                    return progress.done();
                }
                if (progress.expired()) {
                    session = null;
                } else {
                    offset = progress.offset();
                }
            }
            if (session == null || session.isEmpty()) {
                HttpAnswer started = http.send(start(request.target(), job, video.get(), bytes.length, token));
                if (!started.success() || started.headers().firstValue("Location").isEmpty()) {
                    return classify("POST /upload/youtube/v3/videos?uploadType=resumable", started);
                }
                session = started.headers().firstValue("Location").get();
                request.memory().remember(SESSION, session);
                offset = 0;
            }
            return upload(URI.create(session), token, bytes, offset);
        } catch (IOException | InterruptedException e) {
            return DeliveryResult.unreachable("YouTube", e);
        }
    }

    private DeliveryResult upload(URI session, String token, byte[] bytes, long offset) throws InterruptedException, IOException {
        int interruptions = 0;
        while (true) {
            String range = "bytes " + offset + "-" + (bytes.length - 1) + "/" + bytes.length;
            String summary = "PUT upload session " + range;
            try {
                HttpAnswer response = http.send(HttpRequest.newBuilder(session).timeout(timeout.multipliedBy(10))
                        .header("Authorization", token).header("Content-Range", range)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, (int) offset, (int) (bytes.length - offset)))
                        .build());
                if (response.status() == 200 || response.status() == 201) {
                    return delivered(summary, response);
                }
                if (response.status() == 308) {
                    offset = confirmedEnd(response);
                    continue;
                }
                if (response.status() < 500) {
                    return classify(summary, response);
                }
            } catch (IOException cutOff) {
                // Cut off mid-upload: ask YouTube how far it got and continue from there.
            }
            if (++interruptions > MAX_INTERRUPTIONS) {
                return new DeliveryResult.Transient(summary, null, "Việc tải video lên YouTube bị ngắt nhiều lần liên tiếp."
                        + " Hệ thống sẽ tự thử lại và tải tiếp từ chỗ đã dừng.", null, interruptions + " interruptions");
            }
            Progress progress = status(session, token, bytes.length);
            if (progress.done() != null) {
                return progress.done();
            }
            if (progress.expired()) {
                return new DeliveryResult.Transient(summary, 404, "Phiên tải video lên YouTube đã hết hạn. Hệ thống sẽ tự tải"
                        + " lại từ đầu.", null, "upload session expired (HTTP 404)");
            }
            offset = progress.offset();
        }
    }

    private record Progress(long offset, DeliveryResult done, boolean expired) {
    }

    /** The resume query: an empty PUT with {@code Content-Range: bytes *}{@code /TOTAL}. */
    private Progress status(URI session, String token, long total) throws IOException, InterruptedException {
        HttpAnswer response = http.send(HttpRequest.newBuilder(session).timeout(timeout)
                .header("Authorization", token).header("Content-Range", "bytes */" + total)
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        if (response.status() == 200 || response.status() == 201) {
            return new Progress(total, delivered("PUT upload session bytes */" + total, response), false);
        }
        if (response.status() == 308) {
            return new Progress(confirmedEnd(response), null, false);
        }
        if (response.status() == 404 || response.status() == 410) {
            return new Progress(0, null, true);
        }
        throw new IOException("Trạng thái tải lên không rõ / unexpected upload status HTTP " + response.status());
    }

    /** From {@code Range: bytes=0-N} the next byte to send is N+1; without the header, nothing arrived. */
    private static long confirmedEnd(HttpAnswer response) {
        return response.headers().firstValue("Range")
                .map(r -> Long.parseLong(r.substring(r.lastIndexOf('-') + 1).trim()) + 1).orElse(0L);
    }

    private HttpRequest start(Target target, PublishJob job, MediaRef video, long length, String token) throws IOException {
        YoutubeVideo rendered = job.payload().content(YoutubeVideo.class);
        ObjectNode resource = Json.mapper().createObjectNode();
        ObjectNode snippet = resource.putObject("snippet");
        snippet.put("title", title(rendered));
        snippet.put("description", rendered.description());
        snippet.put("defaultLanguage", job.payload().language());
        ObjectNode status = resource.putObject("status");
        status.put("selfDeclaredMadeForKids", false);
        // publishAt is only honoured for private videos; YouTube then makes the video public at that time.
        if (job.dueAt().isAfter(clock.instant().plusSeconds(60))) {
            status.put("privacyStatus", "private");
            status.put("publishAt", job.dueAt().toString());
        } else {
            status.put("privacyStatus", "public");
        }
        URI uri = target.resolve("/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(length))
                .header("X-Upload-Content-Type", video.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(resource))).build();
    }

    private static DeliveryResult delivered(String summary, HttpAnswer response) throws IOException {
        if (response.json() == null) {
            throw new IOException("YouTube trả lời không phải JSON / YouTube's answer is not JSON");
        }
        String id = response.json().path("id").asString();
        return new DeliveryResult.Delivered(summary, response.status(), id, "https://www.youtube.com/watch?v=" + id, null);
    }

    private static DeliveryResult classify(String summary, HttpAnswer response) {
        return YouTubeErrors.classify(summary, response);
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        String summary = "DELETE /youtube/v3/videos";
        HttpRequest delete = HttpRequest.newBuilder(target.resolve("/youtube/v3/videos?id=" + job.remoteId())).timeout(timeout)
                .header("Authorization", "Bearer " + credentials.require("access_token", "mã truy cập kênh YouTube")).DELETE().build();
        return http.call(summary, delete, answer -> answer.status() == 204 || answer.status() == 404
                ? new DeliveryResult.Delivered(summary, answer.status(), job.remoteId(), null, null)
                : classify(summary, answer));
    }
}
