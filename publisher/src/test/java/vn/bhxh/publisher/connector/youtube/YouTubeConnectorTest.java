package vn.bhxh.publisher.connector.youtube;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.MediaFetcher;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a local YouTube upload endpoint speaking the resumable protocol: Location, 308 + Range, errors. */
class YouTubeConnectorTest {

    private static final int SIZE = 3000;
    private static final Map<String, String> TOKEN = Map.of("access_token", "ya29.token");
    private static RemoteService google;
    private final YouTubeConnector connector = new YouTubeConnector(Http.defaultClient(), MediaFetcher.http(Http.defaultClient()),
            Clock.systemUTC(), Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        google = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        google.server().resetAll();
    }

    private Target channel() {
        return new Target("yt-bhxh", YouTubeChannel.CHANNEL, "BHXH Việt Nam", google.uri("/"), "UCbhxh", null, Duration.ZERO, List.of());
    }

    private PublishJob videoJob(Instant due) {
        PublishJob job = Fixtures.job("video-bhxh-tu-nguyen", channel(), due);
        ChannelPayload p = job.payload();
        ChannelPayload video = Fixtures.payload(p.channel(), p.targetId(), p.audience(), p.title(), "Mô tả video", null,
                null, List.of(new MediaRef(google.uri("/media/video.mp4").toString(), "video.mp4", "video/mp4")));
        return job.withPayload(video);
    }

    private String session() {
        return google.uri("/upload/youtube/v3/videos?uploadType=resumable&upload_id=xa298sd_f").toString();
    }

    private void serveVideoAndSession() {
        google.server().stubFor(get("/media/video.mp4").willReturn(ok().withBody(new byte[SIZE])));
        google.server().stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(ok().withHeader("Location", session())));
    }

    private static final String VIDEO = "{\"kind\":\"youtube#video\",\"id\":\"dQw4w9WgXcQ\",\"status\":{\"uploadStatus\":\"uploaded\"}}";

    @Test
    void aVideoDueLaterIsUploadedPrivateWithPublishAtInOneSession() {
        serveVideoAndSession();
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withHeader("Content-Range", equalTo("bytes 0-2999/3000")).willReturn(okJson(VIDEO)));
        Instant due = Instant.parse("2030-05-10T01:00:00Z");
        RemoteService.Call call = RemoteService.call(videoJob(due), channel(), TOKEN);

        DeliveryResult result = connector.deliver(call.request);

        assertThat(((DeliveryResult.Delivered) result).remoteUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(call.memory).containsEntry(YouTubeConnector.SESSION, session());
        google.server().verify(postRequestedFor(urlEqualTo("/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
                .withHeader("Authorization", equalTo("Bearer ya29.token"))
                .withHeader("X-Upload-Content-Length", equalTo("3000")).withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("private")))
                .withRequestBody(matchingJsonPath("$.status.publishAt", equalTo("2030-05-10T01:00:00Z")))
                .withRequestBody(matchingJsonPath("$.snippet.defaultLanguage", equalTo("vi"))));
    }

    @Test
    void anUploadCutOffMidwayAsksHowFarItGotAndSendsOnlyTheRest() {
        serveVideoAndSession();
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Content-Range", equalTo("bytes 0-2999/3000"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("cut off"));
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).inScenario("cut").whenScenarioStateIs("cut off")
                .withHeader("Content-Range", equalTo("bytes */3000"))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-1199")));
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).inScenario("cut").whenScenarioStateIs("cut off")
                .withHeader("Content-Range", equalTo("bytes 1200-2999/3000")).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(VIDEO)));

        DeliveryResult result = connector.deliver(RemoteService.call(videoJob(Instant.now()), channel(), TOKEN).request);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        google.server().verify(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withHeader("Content-Range", equalTo("bytes 1200-2999/3000")));
        google.server().verify(1, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
        assertThat(google.server().findAll(putRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withHeader("Content-Range", equalTo("bytes 1200-2999/3000"))).getFirst().getBody()).hasSize(1800);
    }

    @Test
    void anInstanceTakingOverAJobResumesTheDeadInstancesSessionWithoutStartingANewVideo() {
        serveVideoAndSession();
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).withHeader("Content-Range", equalTo("bytes */3000"))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-1999")));
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).withHeader("Content-Range", equalTo("bytes 2000-2999/3000"))
                .willReturn(okJson(VIDEO)));
        RemoteService.Call call = RemoteService.call(videoJob(Instant.now()), channel(), TOKEN);
        call.memory.put(YouTubeConnector.SESSION, session());

        DeliveryResult result = connector.deliver(call.request);

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("dQw4w9WgXcQ");
        google.server().verify(0, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
    }

    @Test
    void anExhaustedQuotaWaitsAnExpiredTokenPausesAndAMissingVideoFails() {
        serveVideoAndSession();
        google.server().stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":403,\"message\":\"The request cannot be "
                        + "completed because you have exceeded your quota.\",\"errors\":[{\"reason\":\"quotaExceeded\",\"domain\":\"youtube.quota\"}]}}")));
        DeliveryResult quota = connector.deliver(RemoteService.call(videoJob(Instant.now()), channel(), TOKEN).request);
        google.server().stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\",\"errors\":[{\"reason\":\"authError\"}]}}")));
        DeliveryResult expired = connector.deliver(RemoteService.call(videoJob(Instant.now()), channel(), TOKEN).request);
        DeliveryResult noVideo = connector.deliver(RemoteService.call(Fixtures.job("anh", channel(), Instant.now()), channel(), TOKEN).request);

        assertThat(((DeliveryResult.Transient) quota).retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(quota.reason()).isEqualTo(YouTubeErrors.QUOTA_USED);
        assertThat(quota.answer()).contains("quotaExceeded");
        assertThat(expired).isInstanceOf(DeliveryResult.TokenRejected.class);
        assertThat(expired.reason()).isEqualTo(YouTubeErrors.TOKEN_REJECTED);
        assertThat(noVideo).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(noVideo.reason()).startsWith("Bản này không có tệp video");
    }

    private static PublishJob delivered(PublishJob job, String videoId) {
        Instant t = job.dueAt();
        String url = "https://www.youtube.com/watch?v=" + videoId;
        return job.claimedBy("a", t, t.plusSeconds(60)).finished(JobState.DELIVERED, t, new DeliveryAttempt(1, "a", t, t,
                "DELIVERED", "PUT", 200, videoId, url, null), videoId, url, null, t);
    }

    /** Revision {@code revision} of the video product, with this title and the video file at {@code file}. */
    private PublishJob revision(String revision, String title, String file) {
        ChannelPayload p = videoJob(Instant.now()).payload();
        ChannelPayload payload = Fixtures.payload(p.channel(), p.targetId(), p.audience(), title, "Mô tả mới của video", null,
                null, List.of(new MediaRef(google.uri(file).toString(), "video.mp4", "video/mp4")));
        return PublishJob.pending(PublishSchedule.idempotencyKey("video-bhxh-tu-nguyen", "vi", revision, "yt-bhxh"))
                .release("dot-thang-5", "thang-5").variant("video-bhxh-tu-nguyen", "vi", revision).payload(payload)
                .due(Instant.now(), null).createdAt(Instant.now());
    }

    @Test
    void aNewRevisionOfTheSameVideoUpdatesTitleAndDescriptionAndKeepsWhatItDoesNotChange() {
        PublishJob first = delivered(revision("r1", "BHXH tự nguyện", "/media/video.mp4"), "dQw4w9WgXcQ");
        PublishJob second = revision("r2", "BHXH tự nguyện: đóng linh hoạt", "/media/video.mp4");
        google.server().stubFor(get(urlEqualTo("/youtube/v3/videos?part=snippet&id=dQw4w9WgXcQ")).willReturn(okJson(
                "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"kind\":\"youtube#video\",\"id\":\"dQw4w9WgXcQ\","
                        + "\"snippet\":{\"title\":\"BHXH tự nguyện\",\"description\":\"cũ\",\"categoryId\":\"29\","
                        + "\"tags\":[\"bhxh\",\"an sinh\"]}}]}")));
        google.server().stubFor(put(urlEqualTo("/youtube/v3/videos?part=snippet")).willReturn(okJson(
                "{\"kind\":\"youtube#video\",\"id\":\"dQw4w9WgXcQ\"}")));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) connector.deliver(
                RemoteService.call(second, channel(), TOKEN, first).request);

        assertThat(result.remoteId()).isEqualTo("dQw4w9WgXcQ");
        assertThat(result.note()).isNull();
        google.server().verify(putRequestedFor(urlEqualTo("/youtube/v3/videos?part=snippet"))
                .withHeader("Authorization", equalTo("Bearer ya29.token"))
                .withRequestBody(matchingJsonPath("$.id", equalTo("dQw4w9WgXcQ")))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo("BHXH tự nguyện: đóng linh hoạt")))
                .withRequestBody(matchingJsonPath("$.snippet.description", equalTo("Mô tả mới của video")))
                .withRequestBody(matchingJsonPath("$.snippet.categoryId", equalTo("29")))
                .withRequestBody(matchingJsonPath("$.snippet.tags[1]", equalTo("an sinh"))));
        google.server().verify(0, postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos")));
    }

    @Test
    void aNewVideoFileIsUploadedAsANewVideoAndTheEarlierOneDeletedAndTheLogSaysSo() {
        PublishJob first = delivered(revision("r1", "BHXH tự nguyện", "/media/video-cu.mp4"), "oldVideo01");
        PublishJob second = revision("r2", "BHXH tự nguyện (dựng lại)", "/media/video.mp4");
        serveVideoAndSession();
        google.server().stubFor(put(urlPathEqualTo("/upload/youtube/v3/videos")).willReturn(okJson(VIDEO)));
        google.server().stubFor(delete(urlEqualTo("/youtube/v3/videos?id=oldVideo01")).willReturn(aResponse().withStatus(204)));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) connector.deliver(
                RemoteService.call(second, channel(), TOKEN, first).request);

        assertThat(result.remoteId()).isEqualTo("dQw4w9WgXcQ");
        assertThat(result.note()).isEqualTo(YouTubeConnector.REPLACED_VIDEO);
        google.server().verify(deleteRequestedFor(urlEqualTo("/youtube/v3/videos?id=oldVideo01")));
        google.server().verify(0, putRequestedFor(urlEqualTo("/youtube/v3/videos?part=snippet")));
    }
}
