package vn.bhxh.publisher.connector.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
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

/** Against a local Graph API that answers as developers.facebook.com documents it, errors included. */
class FacebookPageConnectorTest {

    private static RemoteService graph;
    private static final String PAGE = "102030405060";
    private static final Map<String, String> TOKEN = Map.of("page_access_token", "EAAB-page-token");
    private final FacebookPageConnector connector = new FacebookPageConnector(Http.defaultClient(), Clock.systemUTC(),
            Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        graph = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        graph.server().resetAll();
    }

    private Target page() {
        return new Target("fb-bhxh", FacebookChannel.CHANNEL, "BHXH Việt Nam", graph.uri("/v24.0"), PAGE, null, Duration.ZERO, List.of());
    }

    private PublishJob textJob() {
        PublishJob job = Fixtures.job("khau-hieu-1", page(), Instant.now());
        ChannelPayload p = job.payload();
        return job.withPayload(Fixtures.payload(p.channel(), p.targetId(), p.audience(), p.title(),
                "BHXH là trụ cột chính của hệ thống an sinh xã hội.", p.summary(), p.link(), List.of()));
    }

    private DeliveryResult deliver(PublishJob job) {
        return connector.deliver(RemoteService.call(job, page(), TOKEN).request);
    }

    @Test
    void aTextPostGoesToTheFeedWithTheTokenInAHeaderAndReturnsThePostId() {
        graph.server().stubFor(post("/v24.0/" + PAGE + "/feed").willReturn(okJson("{\"id\":\"" + PAGE + "_987\"}")));

        DeliveryResult result = deliver(textJob());

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo(PAGE + "_987");
        graph.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/feed"))
                .withHeader("Authorization", equalTo("Bearer EAAB-page-token"))
                .withRequestBody(containing("message=BHXH+l%C3%A0+tr%E1%BB%A5+c%E1%BB%99t"))
                .withRequestBody(containing("link=https")));
        assertThat(result.requestSummary()).doesNotContain("EAAB");
    }

    @Test
    void aPayloadWithAnImageBecomesAPhotoPostAndKeepsThePostIdNotThePhotoId() {
        graph.server().stubFor(post("/v24.0/" + PAGE + "/photos")
                .willReturn(okJson("{\"id\":\"555\",\"post_id\":\"" + PAGE + "_556\"}")));

        DeliveryResult result = deliver(Fixtures.job("infographic-1", page(), Instant.now()));

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo(PAGE + "_556");
        graph.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/photos"))
                .withRequestBody(containing("url=https%3A%2F%2Fcdn.example%2Fanh.jpg")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 17, 32, 613})
    void temporaryAndThrottlingCodesAreRetried(int code) {
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(code <= 2 ? 500 : 400)
                .withHeader("Content-Type", "application/json").withBody(error(code, 0, "Application request limit reached"))));

        DeliveryResult result = deliver(textJob());

        assertThat(result).isInstanceOf(DeliveryResult.Transient.class);
        if (code > 2) {
            assertThat(((DeliveryResult.Transient) result).retryAfter()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void throttlingWaitsAsLongAsTheBusinessUseCaseHeaderSays() {
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("X-Business-Use-Case-Usage", "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,"
                        + "\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":17}]}")
                .withBody(error(80001, 0, "There have been too many calls to this Page account"))));

        DeliveryResult result = deliver(textJob());

        assertThat(((DeliveryResult.Transient) result).retryAfter()).isEqualTo(Duration.ofMinutes(17));
    }

    @Test
    void anExpiredTokenRejectsTheTargetAndADuplicateFailsForGood() {
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(error(190, 463,
                "Error validating access token: Session has expired"))));
        DeliveryResult expired = deliver(textJob());
        graph.server().resetAll();
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(error(506, 0,
                "Duplicate status message"))));
        DeliveryResult duplicate = deliver(textJob());

        assertThat(expired).isInstanceOf(DeliveryResult.TokenRejected.class);
        // People read what to do; the Graph API's answer as it came is for administrators, in the delivery log.
        assertThat(expired.reason()).isEqualTo(FacebookErrors.TOKEN_REJECTED);
        assertThat(expired.answer()).contains("\"code\":190", "\"error_subcode\":463", "Session has expired");
        assertThat(duplicate).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(duplicate.reason()).isEqualTo(FacebookErrors.DUPLICATE_POST);
        assertThat(duplicate.answer()).contains("506", "Duplicate status message");
    }

    @Test
    void aBadParameterFailsAndAnHtml502IsRetried() {
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(error(100, 0,
                "Invalid parameter"))));
        DeliveryResult bad = deliver(textJob());
        graph.server().resetAll();
        graph.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        DeliveryResult gateway = deliver(textJob());

        assertThat(bad).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(bad.reason()).startsWith("Facebook không nhận bài (mã 100).");
        assertThat(gateway).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(gateway.reason()).isEqualTo("Facebook đang quá tải hoặc gặp lỗi máy chủ (HTTP 502). Hệ thống sẽ tự thử lại;"
                + " nếu lỗi kéo dài, hãy báo người quản trị Facebook.");
        assertThat(gateway.answer()).isEqualTo("HTTP 502: <html>Bad Gateway</html>");
    }

    private static PublishJob delivered(PublishJob job, String remoteId) {
        Instant t = job.dueAt();
        String url = "https://www.facebook.com/" + remoteId;
        return job.claimedBy("a", t, t.plusSeconds(60)).finished(JobState.DELIVERED, t, new DeliveryAttempt(1, "a", t, t,
                "DELIVERED", "POST", 200, remoteId, url, null), remoteId, url, null, t);
    }

    /** Revision {@code revision} of the product of {@code earlier}, with this message and these files. */
    private PublishJob revision(PublishJob earlier, String revision, String message, List<MediaRef> media) {
        ChannelPayload p = earlier.payload();
        ChannelPayload payload = Fixtures.payload(p.channel(), p.targetId(), p.audience(), p.title(), message, p.summary(),
                p.link(), media);
        return PublishJob.pending(PublishSchedule.idempotencyKey(earlier.productId(), "vi", revision, page().id()))
                .release("dot-thang-5", "thang-5").variant(earlier.productId(), "vi", revision).payload(payload)
                .due(Instant.now(), null).createdAt(Instant.now());
    }

    private DeliveryResult deliver(PublishJob job, PublishJob previous) {
        return connector.deliver(RemoteService.call(job, page(), TOKEN, previous).request);
    }

    @Test
    void aNewRevisionEditsTheMessageOfThePostAlreadyOnThePage() {
        PublishJob first = delivered(textJob(), PAGE + "_987");
        PublishJob second = revision(first, "r2", "BHXH là trụ cột chính của an sinh xã hội (sửa).", List.of());
        graph.server().stubFor(post("/v24.0/" + PAGE + "_987").willReturn(okJson("{\"success\":true}")));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) deliver(second, first);

        assertThat(result.remoteId()).isEqualTo(PAGE + "_987");
        assertThat(result.remoteUrl()).isEqualTo(first.remoteUrl());
        assertThat(result.note()).isNull();
        graph.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_987"))
                .withHeader("Authorization", equalTo("Bearer EAAB-page-token"))
                .withRequestBody(containing("message=BHXH+l%C3%A0+tr%E1%BB%A5+c%E1%BB%99t")).withRequestBody(containing("%28s%E1%BB%ADa%29")));
        graph.server().verify(0, postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/feed")));
        graph.server().verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void aNewImageCannotBeEditedIntoAPostSoANewPhotoPostReplacesTheEarlierOneAndSaysSo() {
        PublishJob first = delivered(Fixtures.job("infographic-2", page(), Instant.now()), PAGE + "_556");
        PublishJob second = revision(first, "r2", "Infographic đã sửa số liệu.",
                List.of(new MediaRef("https://cdn.example/anh-moi.jpg", "anh-moi.jpg", "image/jpeg")));
        graph.server().stubFor(post("/v24.0/" + PAGE + "/photos").willReturn(okJson("{\"id\":\"777\",\"post_id\":\"" + PAGE + "_778\"}")));
        graph.server().stubFor(delete("/v24.0/" + PAGE + "_556").willReturn(okJson("{\"success\":true}")));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) deliver(second, first);

        assertThat(result.remoteId()).isEqualTo(PAGE + "_778");
        assertThat(result.note()).isEqualTo(FacebookPageConnector.REPLACED_MEDIA);
        graph.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/photos"))
                .withRequestBody(containing("url=https%3A%2F%2Fcdn.example%2Fanh-moi.jpg")));
        graph.server().verify(deleteRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_556")));
        graph.server().verify(0, postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_556")));
    }

    @Test
    void anEditFacebookRefusesIsPostedAnewWhileAPostDeletedByHandIsSimplyPostedAgain() {
        PublishJob first = delivered(textJob(), PAGE + "_987");
        PublishJob second = revision(first, "r2", "Nội dung đã sửa.", List.of());
        graph.server().stubFor(post("/v24.0/" + PAGE + "_987").willReturn(aResponse().withStatus(400)
                .withBody(error(100, 0, "(#100) Invalid parameter"))));
        graph.server().stubFor(post("/v24.0/" + PAGE + "/feed").willReturn(okJson("{\"id\":\"" + PAGE + "_988\"}")));
        graph.server().stubFor(delete("/v24.0/" + PAGE + "_987").willReturn(okJson("{\"success\":true}")));

        DeliveryResult.Delivered replaced = (DeliveryResult.Delivered) deliver(second, first);

        assertThat(replaced.remoteId()).isEqualTo(PAGE + "_988");
        assertThat(replaced.note()).isEqualTo(FacebookPageConnector.REPLACED_REFUSED);
        graph.server().verify(1, deleteRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_987")));

        graph.server().resetAll();
        graph.server().stubFor(post("/v24.0/" + PAGE + "_987").willReturn(aResponse().withStatus(400).withBody(error(100, 33,
                "Unsupported post request. Object with ID '" + PAGE + "_987' does not exist"))));
        graph.server().stubFor(post("/v24.0/" + PAGE + "/feed").willReturn(okJson("{\"id\":\"" + PAGE + "_989\"}")));

        DeliveryResult.Delivered again = (DeliveryResult.Delivered) deliver(second, first);

        assertThat(again.remoteId()).isEqualTo(PAGE + "_989");
        assertThat(again.note()).isNull();
        graph.server().verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void highUsageHeadersOnSuccessAskTheSchedulerToSlowDown() {
        graph.server().stubFor(post(anyUrl()).willReturn(okJson("{\"id\":\"" + PAGE + "_1\"}")
                .withHeader("X-App-Usage", "{\"call_count\":96,\"total_cputime\":10,\"total_time\":12}")));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) deliver(textJob());

        assertThat(result.slowDown()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void afterAnInDoubtAttemptAnAlreadyPublishedPostIsFoundInsteadOfPostingTwice() {
        PublishJob job = textJob();
        Instant t = Instant.now().minusSeconds(120);
        PublishJob inDoubt = job.claimedBy("dead", t, t.plusSeconds(30)).claimedBy("alive", t.plusSeconds(31), t.plusSeconds(90));
        graph.server().stubFor(get(urlPathEqualTo("/v24.0/" + PAGE + "/published_posts")).willReturn(okJson(
                "{\"data\":[{\"id\":\"" + PAGE + "_42\",\"message\":\"BHXH là trụ cột chính của hệ thống an sinh xã hội.\","
                        + "\"permalink_url\":\"https://www.facebook.com/" + PAGE + "/posts/42\"}]}")));
        graph.server().stubFor(post(anyUrl()).willReturn(okJson("{\"id\":\"" + PAGE + "_43\"}")));

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) deliver(inDoubt);

        assertThat(result.remoteId()).isEqualTo(PAGE + "_42");
        graph.server().verify(0, postRequestedFor(anyUrl()));
        graph.server().verify(getRequestedFor(urlPathEqualTo("/v24.0/" + PAGE + "/published_posts"))
                .withQueryParam("since", matching("\\d+")));
    }

    @Test
    void removingDeletesThePost() {
        graph.server().stubFor(delete("/v24.0/" + PAGE + "_987").willReturn(okJson("{\"success\":true}")));
        PublishJob job = textJob();
        PublishJob posted = new PublishJob(job.id(), job.releaseId(), job.campaign(), job.productId(), job.language(),
                job.variantRevision(), job.targetId(), job.channel(), job.dueAt(), null, job.state(), job.claimableAt(), 1,
                null, null, job.idempotencyKey(), job.payload(), job.payloadSha256(), List.of(), PAGE + "_987", null, null,
                null, job.createdAt(), job.updatedAt());

        DeliveryResult result = connector.remove(posted, page(), new Credentials(TOKEN));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        graph.server().verify(deleteRequestedFor(urlEqualTo("/v24.0/" + PAGE + "_987")));
    }

    private PublishJob videoJob() {
        PublishJob job = textJob();
        ChannelPayload p = job.payload();
        return job.withPayload(Fixtures.payload(p.channel(), p.targetId(), p.audience(), "Video: BHXH tự nguyện",
                p.content(FacebookPost.class).message(), null, null, List.of(new MediaRef(graph.uri("/media/clip.mp4").toString(),
                "clip.mp4", "video/mp4"))));
    }

    @Test
    void aVideoIsUploadedThroughAResumableSessionAndPublishedWithItsFileHandle() {
        graph.server().stubFor(get("/media/clip.mp4").willReturn(ok().withBody(new byte[2048])));
        graph.server().stubFor(post(urlPathEqualTo("/v24.0/777/uploads")).willReturn(okJson("{\"id\":\"upload:MTphd\"}")));
        graph.server().stubFor(post("/v24.0/upload:MTphd").withHeader("file_offset", equalTo("0"))
                .willReturn(okJson("{\"h\":\"2::handle\"}")));
        graph.server().stubFor(post("/v24.0/" + PAGE + "/videos").willReturn(okJson("{\"id\":\"9001\"}")));
        RemoteService.Call call = RemoteService.call(videoJob(), page(), Map.of("page_access_token", "EAAB-page-token",
                "app_id", "777"));

        DeliveryResult result = connector.deliver(call.request);

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("9001");
        assertThat(call.memory).containsEntry("facebook.uploadSession", "upload:MTphd").containsEntry("facebook.fileHandle", "2::handle");
        graph.server().verify(postRequestedFor(urlPathEqualTo("/v24.0/777/uploads")).withQueryParam("file_length", equalTo("2048"))
                .withQueryParam("file_type", equalTo("video/mp4")).withHeader("Authorization", equalTo("OAuth EAAB-page-token")));
        graph.server().verify(postRequestedFor(urlEqualTo("/v24.0/" + PAGE + "/videos"))
                .withRequestBody(containing("fbuploader_video_file_chunk=2%3A%3Ahandle")));
    }

    @Test
    void aTakenOverVideoUploadContinuesFromTheOffsetFacebookReports() {
        graph.server().stubFor(get("/media/clip.mp4").willReturn(ok().withBody(new byte[2048])));
        graph.server().stubFor(get("/v24.0/upload:MTphd").willReturn(okJson("{\"id\":\"upload:MTphd\",\"file_offset\":1024}")));
        graph.server().stubFor(post("/v24.0/upload:MTphd").withHeader("file_offset", equalTo("1024"))
                .willReturn(okJson("{\"h\":\"2::handle\"}")));
        graph.server().stubFor(post("/v24.0/" + PAGE + "/videos").willReturn(okJson("{\"id\":\"9002\"}")));
        RemoteService.Call call = RemoteService.call(videoJob(), page(), Map.of("page_access_token", "EAAB-page-token",
                "app_id", "777"));
        call.memory.put("facebook.uploadSession", "upload:MTphd");

        DeliveryResult result = connector.deliver(call.request);

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("9002");
        graph.server().verify(0, postRequestedFor(urlPathEqualTo("/v24.0/777/uploads")));
        assertThat(graph.server().findAll(postRequestedFor(urlEqualTo("/v24.0/upload:MTphd"))).getFirst().getBody()).hasSize(1024);
    }

    private static String error(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEf\"}}";
    }
}
