package vn.bhxh.publisher.connector.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;
import vn.bhxh.publisher.testsupport.Fixtures;
import vn.bhxh.publisher.testsupport.RemoteService;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a local Zalo OpenAPI that answers errors inside HTTP 200, as the Zalo SDK documents. */
class ZaloOaConnectorTest {

    private static RemoteService zalo;
    private static final Map<String, String> CREDENTIALS = Map.of("access_token", "old-access", "refresh_token", "r1",
            "app_id", "4321", "secret_key", "app-secret");
    private ZaloOaConnector connector;

    @BeforeAll
    static void start() {
        zalo = RemoteService.shared();
    }

    @AfterEach
    void reset() {
        zalo.server().resetAll();
    }

    private Target oa() {
        connector = new ZaloOaConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(5),
                zalo.uri("/v4/oa/access_token"));
        return new Target("zalo-bhxh", ZaloChannel.CHANNEL, "Zalo OA BHXH Việt Nam", zalo.uri(""), "579745863508352884", null,
                Duration.ZERO, List.of());
    }

    private PublishJob job() {
        return Fixtures.job("bhyt-hssv", oa(), Instant.now());
    }

    private static String zaloOk(String data) {
        return "{\"error\":0,\"message\":\"Success\",\"data\":" + data + "}";
    }

    @Test
    void anArticleIsCreatedThenVerifiedAndTheCreateTokenIsKeptForACrash() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/create").withHeader("access_token", equalTo("old-access"))
                .willReturn(okJson(zaloOk("{\"token\":\"tok-1\"}"))));
        zalo.server().stubFor(post("/v2.0/article/verify").withRequestBody(equalToJson("{\"token\":\"tok-1\"}"))
                .willReturn(okJson(zaloOk("{\"id\":\"art-77\"}"))));
        RemoteService.Call call = RemoteService.call(job(), target, CREDENTIALS);

        DeliveryResult result = connector.deliver(call.request);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("art-77");
        assertThat(call.memory).containsEntry(ZaloOaConnector.ARTICLE_TOKEN, "tok-1");
        zalo.server().verify(postRequestedFor(urlEqualTo("/v2.0/article/create"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("normal")))
                .withRequestBody(matchingJsonPath("$.cover.photo_url", equalTo("https://cdn.example/anh.jpg")))
                .withRequestBody(matchingJsonPath("$.body[0].type", equalTo("text"))));
    }

    @Test
    void theRenderedBlocksGoOutAsBlocksInTheirOrderWithTheTemplatesAuthor() {
        Target target = oa();
        PublishJob job = job();
        ChannelPayload p = job.payload();
        ZaloArticle rendered = new ZaloArticle(p.title(), "BHXH tỉnh Lào Cai", "Mô tả ngắn", "", List.of(
                new ZaloArticle.Block.Text("Đoạn một"), new ZaloArticle.Block.Image("https://cdn.example/bang.png", "Bảng mức đóng"),
                new ZaloArticle.Block.Text("Đoạn hai")));
        PublishJob withBlocks = job.withPayload(new ChannelPayload(p.channel(), p.targetId(), p.language(), p.audience(),
                p.title(), p.summary(), p.link(), p.media(), ChannelPayload.contentOf(rendered)));
        zalo.server().stubFor(post("/v2.0/article/create").willReturn(okJson(zaloOk("{\"token\":\"tok-9\"}"))));
        zalo.server().stubFor(post("/v2.0/article/verify").willReturn(okJson(zaloOk("{\"id\":\"art-90\"}"))));

        DeliveryResult result = connector.deliver(RemoteService.call(withBlocks, target, CREDENTIALS).request);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        zalo.server().verify(postRequestedFor(urlEqualTo("/v2.0/article/create"))
                .withRequestBody(matchingJsonPath("$.author", equalTo("BHXH tỉnh Lào Cai")))
                .withRequestBody(matchingJsonPath("$.body.length()", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.body[0].content", equalTo("Đoạn một")))
                .withRequestBody(matchingJsonPath("$.body[1].type", equalTo("image")))
                .withRequestBody(matchingJsonPath("$.body[1].url", equalTo("https://cdn.example/bang.png")))
                .withRequestBody(matchingJsonPath("$.body[1].caption", equalTo("Bảng mức đóng")))
                .withRequestBody(matchingJsonPath("$.body[2].content", equalTo("Đoạn hai"))));
    }

    @Test
    void aTakenOverJobWithAKnownTokenOnlyVerifiesAndNeverCreatesASecondArticle() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/verify").willReturn(okJson(zaloOk("{\"id\":\"art-78\"}"))));
        RemoteService.Call call = RemoteService.call(job(), target, CREDENTIALS);
        call.memory.put(ZaloOaConnector.ARTICLE_TOKEN, "tok-from-dead-instance");

        DeliveryResult result = connector.deliver(call.request);

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("art-78");
        zalo.server().verify(0, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }

    @Test
    void anErrorInsideHttp200IsAFailureWithZalosMessage() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/create").willReturn(okJson(
                "{\"error\":-201,\"message\":\"Parameters are invalid\",\"data\":{}}")));

        DeliveryResult result = connector.deliver(RemoteService.call(job(), target, CREDENTIALS).request);

        assertThat(result).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(result.reason()).startsWith("Zalo không nhận bài viết (mã lỗi -201).").doesNotContain("Parameters");
        assertThat(result.answer()).isEqualTo("HTTP 200: {\"error\":-201,\"message\":\"Parameters are invalid\",\"data\":{}}");
    }

    @Test
    void anInvalidTokenIsRefreshedOnceTheNewPairHandedBackAndTheCallRepeated() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/create").withHeader("access_token", equalTo("old-access"))
                .willReturn(okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
        zalo.server().stubFor(post("/v2.0/article/create").withHeader("access_token", equalTo("new-access"))
                .willReturn(okJson(zaloOk("{\"token\":\"tok-2\"}"))));
        zalo.server().stubFor(post("/v2.0/article/verify").willReturn(okJson(zaloOk("{\"id\":\"art-79\"}"))));
        zalo.server().stubFor(post("/v4/oa/access_token").withHeader("secret_key", equalTo("app-secret"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=r1"))
                .willReturn(okJson("{\"access_token\":\"new-access\",\"refresh_token\":\"r2\",\"expires_in\":\"90000\"}")));
        RemoteService.Call call = RemoteService.call(job(), target, CREDENTIALS);

        DeliveryResult result = connector.deliver(call.request);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(call.renewed.get()).containsEntry("access_token", "new-access").containsEntry("refresh_token", "r2");
        zalo.server().verify(1, postRequestedFor(urlEqualTo("/v4/oa/access_token")));
        zalo.server().verify(postRequestedFor(urlEqualTo("/v2.0/article/verify")).withHeader("access_token", equalTo("new-access")));
    }

    @Test
    void aUsedRefreshTokenRejectsTheTargetSoItIsPausedAndItsAdminsTold() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/create")
                .willReturn(okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
        zalo.server().stubFor(post("/v4/oa/access_token").willReturn(okJson(
                "{\"error\":-14020,\"error_name\":\"Refresh token already used\"}")));

        DeliveryResult result = connector.deliver(RemoteService.call(job(), target, CREDENTIALS).request);

        assertThat(result).isInstanceOf(DeliveryResult.TokenRejected.class);
        assertThat(result.reason()).isEqualTo(ZaloErrors.TOKEN_REJECTED);
        assertThat(result.answer()).contains("-14020", "Refresh token already used");
    }

    @Test
    void anOaWithoutTheFeatureFailsWithAnExplanationAndServerErrorsAreRetried() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/create").willReturn(okJson(
                "{\"error\":-224,\"message\":\"OA has not permission to use this feature\"}")));
        DeliveryResult tier = connector.deliver(RemoteService.call(job(), target, CREDENTIALS).request);
        zalo.server().resetAll();
        zalo.server().stubFor(post("/v2.0/article/create").willReturn(serverError().withBody("upstream error")));
        DeliveryResult down = connector.deliver(RemoteService.call(job(), target, CREDENTIALS).request);

        assertThat(tier.reason()).isEqualTo(ZaloErrors.TIER);
        assertThat(tier.answer()).contains("-224", "OA has not permission");
        assertThat(down).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(down.reason()).isEqualTo("Zalo đang quá tải hoặc gặp lỗi máy chủ (HTTP 500). Hệ thống sẽ tự thử lại.");
        assertThat(down.answer()).isEqualTo("HTTP 500: upstream error");
    }

    private static PublishJob delivered(PublishJob job, String articleId) {
        Instant t = job.dueAt();
        String url = "https://zalo.me/579745863508352884/article/" + articleId;
        return job.claimedBy("a", t, t.plusSeconds(60)).finished(JobState.DELIVERED, t, new DeliveryAttempt(1, "a", t, t,
                "DELIVERED", "POST", 200, articleId, url, null), articleId, url, null, t);
    }

    private PublishJob revision(String productId, String revision, String title) {
        PublishJob job = Fixtures.job(productId, oa(), Instant.now());
        ChannelPayload p = job.payload();
        return PublishJob.pending(PublishSchedule.idempotencyKey(productId, "vi", revision, "zalo-bhxh"))
                .release("dot-thang-5", "thang-5").variant(productId, "vi", revision)
                .payload(Fixtures.payload(p.channel(), p.targetId(), p.audience(), title, "Nội dung đã sửa.", p.summary(),
                        p.link(), p.media()))
                .due(Instant.now(), null).createdAt(Instant.now());
    }

    @Test
    void aNewRevisionUpdatesTheArticleAlreadyOnTheOaAndVerifiesTheUpdate() {
        PublishJob first = delivered(revision("bhyt-hssv-2", "r1", "BHYT học sinh"), "art-77");
        PublishJob second = revision("bhyt-hssv-2", "r2", "BHYT học sinh, sinh viên (sửa)");
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/update").willReturn(okJson(zaloOk("{\"token\":\"tok-u\"}"))));
        zalo.server().stubFor(post("/v2.0/article/verify").withRequestBody(equalToJson("{\"token\":\"tok-u\"}"))
                .willReturn(okJson(zaloOk("{\"id\":\"art-77\"}"))));
        RemoteService.Call call = RemoteService.call(second, target, CREDENTIALS, first);

        DeliveryResult.Delivered result = (DeliveryResult.Delivered) connector.deliver(call.request);

        assertThat(result.remoteId()).isEqualTo("art-77");
        assertThat(result.remoteUrl()).isEqualTo(first.remoteUrl());
        assertThat(call.memory).containsEntry(ZaloOaConnector.UPDATE_TOKEN, "tok-u");
        zalo.server().verify(postRequestedFor(urlEqualTo("/v2.0/article/update"))
                .withRequestBody(matchingJsonPath("$.id", equalTo("art-77")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("BHYT học sinh, sinh viên (sửa)")))
                .withRequestBody(matchingJsonPath("$.body[0].content", equalTo("Nội dung đã sửa."))));
        zalo.server().verify(0, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }

    @Test
    void anUpdateZaloRefusesLeavesTheArticleAsItWasAndIsListedForAPersonWithItsAddress() {
        PublishJob first = delivered(revision("bhyt-hssv-3", "r1", "BHYT học sinh"), "art-80");
        PublishJob second = revision("bhyt-hssv-3", "r2", "BHYT học sinh (sửa)");
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/article/update").willReturn(okJson(
                "{\"error\":-201,\"message\":\"Parameters are invalid\"}")));

        DeliveryResult result = connector.deliver(RemoteService.call(second, target, CREDENTIALS, first).request);

        assertThat(result).isInstanceOf(DeliveryResult.UpdateByHand.class);
        assertThat(((DeliveryResult.UpdateByHand) result).remoteUrl()).isEqualTo(first.remoteUrl());
        assertThat(result.reason()).startsWith("Zalo không cho cập nhật bài viết đã đăng (mã lỗi -201), nên bài vẫn hiển thị như bản r1.")
                .contains("Hãy sửa bài tại " + first.remoteUrl() + " theo bản r2");
        assertThat(result.answer()).contains("Parameters are invalid");
        zalo.server().verify(0, postRequestedFor(urlEqualTo("/v2.0/article/create")));
        zalo.server().verify(0, postRequestedFor(urlEqualTo("/v2.0/article/verify")));
    }

    @Test
    void anImageUploadIsMultipartAndReturnsTheAttachmentId() throws Exception {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/oa/upload/image").withHeader("access_token", equalTo("old-access"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"file\"; filename=\"poster.jpg\""))
                .willReturn(okJson(zaloOk("{\"attachment_id\":\"att-5\"}"))));

        String id = connector.uploadImage(target, new Credentials(CREDENTIALS), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2},
                "poster.jpg", "image/jpeg");

        assertThat(id).isEqualTo("att-5");
    }

    @Test
    void aBroadcastSendsTheArticlesAsAMediaTemplateToTheChosenFollowers() {
        Target target = oa();
        zalo.server().stubFor(post("/v2.0/oa/message").willReturn(okJson(zaloOk("{\"message_id\":\"msg-1\"}"))));

        DeliveryResult result = connector.broadcast(target, new Credentials(CREDENTIALS), List.of("art-77", "art-78"),
                new ZaloBroadcastTarget("3,4", null, "4", null));

        assertThat(((DeliveryResult.Delivered) result).remoteId()).isEqualTo("msg-1");
        zalo.server().verify(postRequestedFor(urlEqualTo("/v2.0/oa/message"))
                .withRequestBody(matchingJsonPath("$.recipient.target.ages", equalTo("3,4")))
                .withRequestBody(matchingJsonPath("$.recipient.target.cities", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.message.attachment.payload.template_type", equalTo("media")))
                .withRequestBody(matchingJsonPath("$.message.attachment.payload.elements[1].attachment_id", equalTo("art-78"))));
        assertThatThrownBy(() -> connector.broadcast(target, new Credentials(CREDENTIALS),
                List.of("1", "2", "3", "4", "5", "6"), ZaloBroadcastTarget.everyone())).hasMessageContaining("1 to 5");
    }
}
