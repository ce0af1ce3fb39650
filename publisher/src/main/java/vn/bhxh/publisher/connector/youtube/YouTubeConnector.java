package vn.bhxh.publisher.connector.youtube;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
    private static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded");

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

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        PublishJob job = request.job();
        Optional<MediaRef> video = job.payload().media().stream()
                .filter(m -> m.contentType() != null && m.contentType().startsWith("video/")).findFirst();
        if (video.isEmpty()) {
            return new DeliveryResult.Permanent("YouTube", null, "Không có tệp video / the payload has no video");
        }
        String token = "Bearer " + request.credentials().require("access_token");
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
                return new DeliveryResult.Transient(summary, null, "Tải lên bị ngắt quá nhiều lần / upload interrupted "
                        + interruptions + " times", null);
            }
            Progress progress = status(session, token, bytes.length);
            if (progress.done() != null) {
                return progress.done();
            }
            if (progress.expired()) {
                return new DeliveryResult.Transient(summary, 404, "Phiên tải lên hết hạn / upload session expired", null);
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
        snippet.put("title", rendered.title().length() <= 100 ? rendered.title() : rendered.title().substring(0, 99) + "…");
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

    /** Google errors: {@code {"error":{"code":403,"message":…,"errors":[{"reason":"quotaExceeded",…}]}}}. */
    private static DeliveryResult classify(String summary, HttpAnswer response) {
        JsonNode error = response.json() == null ? null : response.json().path("error");
        String reason = error == null ? "" : error.path("errors").path(0).path("reason").asString("");
        String message = "YouTube " + response.status() + " " + reason + ": "
                + (error == null ? response.body() : error.path("message").asString(""));
        if (response.status() == 403 && QUOTA_REASONS.contains(reason)) {
            // The daily quota comes back at midnight Pacific time; trying hourly is cheap.
            return new DeliveryResult.Transient(summary, 403, message, Duration.ofHours(1));
        }
        return response.classified(summary, message);
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        String summary = "DELETE /youtube/v3/videos";
        HttpRequest delete = HttpRequest.newBuilder(target.resolve("/youtube/v3/videos?id=" + job.remoteId())).timeout(timeout)
                .header("Authorization", "Bearer " + credentials.require("access_token")).DELETE().build();
        return http.call(summary, delete, answer -> answer.status() == 204 || answer.status() == 404
                ? new DeliveryResult.Delivered(summary, answer.status(), job.remoteId(), null, null)
                : classify(summary, answer));
    }
}
