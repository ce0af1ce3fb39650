package vn.bhxh.cms.distribution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.site.WebClient;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.TargetCredentials;

/**
 * Scheduling through the cms API to a Facebook Page and a portal that answer as their documentation says (WireMock),
 * and the app feed: only approved variants go out, each once; edits hold what was scheduled; withdrawal removes
 * what the services allow and lists the rest.
 */
@CmsIntegrationTest
class PublishingApiTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static WireMockServer remote;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    TargetStore targets;

    ApiClient admin;
    ApiClient editor;
    ApiClient reviewer;
    ApiClient approver;
    String suffix;

    @BeforeAll
    static void startRemote() {
        remote = new WireMockServer(options().dynamicPort());
        remote.start();
    }

    @AfterAll
    static void stopRemote() {
        remote.stop();
    }

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "xb-bien-tap", "[\"EDITOR\"]", "{}");
        reviewer = TestUsers.ensure(port, admin, "xb-tham-dinh", "[\"REVIEWER\"]", "{\"topics\":[\"VOLUNTARY_SI\"]}");
        approver = TestUsers.ensure(port, admin, "xb-lanh-dao", "[\"APPROVER\"]", "{}");
        suffix = UUID.randomUUID().toString().substring(0, 8);
        remote.resetAll();
        remote.stubFor(get(urlEqualTo("/v24.0/1020?fields=id,name"))
                .willReturn(okJson("{\"id\":\"1020\",\"name\":\"Bảo hiểm xã hội Việt Nam\"}")));
        remote.stubFor(post(urlEqualTo("/v24.0/1020/feed")).willReturn(okJson("{\"id\":\"1020_55\"}")));
        remote.stubFor(delete(urlEqualTo("/v24.0/1020_55")).willReturn(okJson("{\"success\":true}")));
        remote.stubFor(post(urlEqualTo("/cong-tinh/bhxh")).willReturn(okJson("{\"id\":\"p-1\",\"url\":\"https://cong.example.vn/p-1\"}")));
        // The portal's receiver does not implement removal: a person must take the post down.
        remote.stubFor(delete(urlMatching("/cong-tinh/bhxh/.*")).willReturn(aResponse().withStatus(405)));
    }

    @Test
    void adminsConfigureTargetsWhoseCredentialsNeverComeBackAndTestTheConnection() {
        String id = "fb-" + suffix;
        HttpResponse<String> created = admin.post("/api/v1/targets", facebookTarget(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("EAAB-bi-mat").contains("page_access_token");
        assertThat(admin.get("/api/v1/targets/" + id).body()).doesNotContain("EAAB-bi-mat");
        assertThat(editor.get("/api/v1/targets").body()).contains(id).doesNotContain("EAAB-bi-mat");

        HttpResponse<String> test = admin.post("/api/v1/targets/" + id + "/test", "");
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(Json.parse(test.body()).get("ok").asBoolean()).isTrue();
        assertThat(test.body()).contains("Bảo hiểm xã hội Việt Nam");
        remote.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/v24.0/1020?fields=id,name"))
                .withHeader("Authorization", equalTo("Bearer EAAB-bi-mat")));
        // Sealed under another key: what every target looks like after the server's credentials key was changed.
        targets.replaceCredentials(id, TargetCredentials.seal(new CredentialCipher(CredentialCipher.newKey()), id,
                Map.of("page_access_token", "EAAB-bi-mat")));
        JsonNode unreadable = Json.parse(admin.post("/api/v1/targets/" + id + "/test", "").body());
        assertThat(unreadable.get("ok").asBoolean()).isFalse();
        assertThat(unreadable.get("message").asString()).isEqualTo("Đã xem khóa truy cập đã lưu trước khi gọi tới " + remote.baseUrl()
                + "/v24.0: không đọc được khóa truy cập đã lưu của kênh “Trang Facebook BHXH Việt Nam” (khóa mã hóa của máy chủ đã"
                + " đổi hoặc dữ liệu bị hỏng); hãy nhập lại ở mục Khóa truy cập khi sửa kênh phát hành.");

        HttpResponse<String> noToken = admin.post("/api/v1/targets", "{\"id\":\"fb2-" + suffix + "\",\"channel\":\"FACEBOOK\","
                + "\"name\":\"Trang thiếu mã\",\"endpoint\":\"" + remote.baseUrl() + "/v24.0\",\"account\":\"1020\",\"credentials\":{}}");
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(noToken.body()).contains("page_access_token");
        assertThat(editor.post("/api/v1/targets", facebookTarget("fb3-" + suffix)).statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/v1/targets", facebookTarget(id)).statusCode()).isEqualTo(409);
    }

    @Test
    void anApprovedLeafletGoesOutOnceToEachTargetShowsInTheCalendarReleaseAndFeedAndWithdrawalTakesItDown() {
        String facebook = createTarget(facebookTarget("fb-" + suffix));
        String portal = createTarget("{\"id\":\"cong-" + suffix + "\",\"channel\":\"WEBHOOK\",\"name\":\"Cổng TTĐT BHXH tỉnh\","
                + "\"endpoint\":\"" + remote.baseUrl() + "/cong-tinh/bhxh\",\"credentials\":{\"secret\":\"khoa-ky\"}}");
        String feed = createTarget("{\"id\":\"vssid-" + suffix + "\",\"channel\":\"APP_FEED\",\"name\":\"Ứng dụng VssID\"}");
        String title = "Vì sao không nên nhận BHXH một lần " + suffix;
        String product = createProduct(title);
        String vi = "/api/v1/products/" + product + "/variants/vi";

        HttpResponse<String> draft = schedule(product, LocalDateTime.now(VIETNAM), null, facebook);
        assertThat(draft.statusCode()).isEqualTo(409);
        assertThat(draft.body()).contains("chưa được phê duyệt");

        approve(vi);
        String release = "dot-" + suffix;
        HttpResponse<String> past = schedule(product, LocalDateTime.now(VIETNAM).minusHours(1), release, facebook);
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("đã qua");
        assertThat(schedule(product, LocalDateTime.now(VIETNAM), release, "khong-co-" + suffix).statusCode()).isEqualTo(400);

        HttpResponse<String> scheduled = schedule(product, LocalDateTime.now(VIETNAM), release, facebook, portal, feed);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        List<String> jobs = new ArrayList<>();
        Json.parse(scheduled.body()).forEach(j -> jobs.add(j.get("id").asString()));
        assertThat(jobs).hasSize(3);
        HttpResponse<String> again = schedule(product, LocalDateTime.now(VIETNAM), release, facebook, portal, feed);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).contains(jobs.get(0));

        for (String job : jobs) {
            Await.until(() -> "DELIVERED".equals(state(job)), Duration.ofSeconds(30), "job " + job + " delivered");
        }
        remote.verify(1, postRequestedFor(urlEqualTo("/v24.0/1020/feed")));
        remote.verify(1, postRequestedFor(urlEqualTo("/cong-tinh/bhxh"))
                .withHeader("X-BHXH-Signature", matching("v1=[0-9a-f]{64}")));
        JsonNode facebookJob = Json.parse(editor.get("/api/v1/schedules/" + jobs.get(0)).body());
        assertThat(facebookJob.get("remoteId").asString()).isEqualTo("1020_55");
        assertThat(facebookJob.get("payload").get("title").asString()).isNotBlank();
        assertThat(facebookJob.get("payloadSha256").asString()).hasSize(64);
        assertThat(facebookJob.get("deliveryLog").get(0).get("outcome").asString()).isEqualTo("DELIVERED");

        String releaseView = editor.get("/api/v1/releases/" + release).body();
        assertThat(Json.parse(releaseView).get("counts").path("DELIVERED").asInt()).as(releaseView).isEqualTo(3);
        String today = LocalDate.now(VIETNAM).toString();
        Await.until(() -> editor.get("/api/v1/calendar?from=" + today + "&to=" + today).body().contains(product),
                Duration.ofSeconds(5), "the calendar shows today's posts");
        assertThat(editor.get("/api/v1/calendar?from=" + today + "&to=" + LocalDate.now(VIETNAM).plusDays(200)).statusCode())
                .isEqualTo(400);

        Await.until(() -> admin.getAnonymously("/api/v1/feeds/vi.json").body().contains(title), Duration.ofSeconds(10),
                "the feed shows the leaflet");
        HttpResponse<String> feedAnswer = admin.getAnonymously("/api/v1/feeds/vi.json?audience=3.1");
        assertThat(feedAnswer.statusCode()).isEqualTo(200);
        assertThat(feedAnswer.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
        String etag = feedAnswer.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = admin.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/v1/feeds/vi.json?audience=3.1")).header("If-None-Match", etag).GET());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(admin.getAnonymously("/api/v1/feeds/vi.atom").body()).contains("<feed", title);
        HttpResponse<String> badCursor = admin.getAnonymously("/api/v1/feeds/vi.json?since=hom-qua");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badCursor.body()).contains("Mốc thời gian không hợp lệ");
        assertThat(admin.getAnonymously("/api/v1/feeds/vi.txt").statusCode()).isEqualTo(404);
        assertThat(admin.post("/api/v1/feeds/vi.json", "{}").statusCode()).isEqualTo(405);

        // Its first post out, the variant is PUBLISHED (and audited as done by the publisher).
        Await.until(() -> "PUBLISHED".equals(Json.parse(editor.get(vi).body()).get("state").asString()), Duration.ofSeconds(10),
                "the variant is marked published");
        // The audit entry is written just after the state is saved.
        Await.until(() -> admin.get("/api/v1/products/" + product + "/audit").body().contains("\"actor\":\"publisher\""),
                Duration.ofSeconds(5), "the publisher's PUBLISH is audited");

        HttpResponse<String> withdrawn = transition(approver, vi, "WITHDRAW", "Sai mức đóng, rút để sửa");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        remote.verify(1, deleteRequestedFor(urlEqualTo("/v24.0/1020_55")));
        JsonNode publications = Json.parse(editor.get("/api/v1/products/" + product + "/publications").body());
        List<String> byHand = new ArrayList<>();
        publications.forEach(j -> {
            if (j.get("removeByHand").asBoolean()) {
                byHand.add(j.get("targetId").asString());
            }
        });
        assertThat(byHand).containsExactly(portal);
        assertThat(admin.get("/api/v1/notices").body()).contains("Cần gỡ thủ công", "https://cong.example.vn/p-1");
        Await.until(() -> !admin.getAnonymously("/api/v1/feeds/vi.json").body().contains(title), Duration.ofSeconds(10),
                "the withdrawn leaflet leaves the feed");
    }

    @Test
    void editingAnApprovedVariantHoldsItsPendingJobVisiblyAndTheOldTextCannotBeRetried() {
        String facebook = createTarget(facebookTarget("fb-" + suffix));
        String product = createProduct("Tờ gấp BHXH tự nguyện " + suffix);
        String vi = "/api/v1/products/" + product + "/variants/vi";
        approve(vi);
        HttpResponse<String> scheduled = schedule(product, LocalDateTime.now(VIETNAM).plusDays(1).withSecond(0).withNano(0), null, facebook);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String job = Json.parse(scheduled.body()).get(0).get("id").asString();
        assertThat(state(job)).isEqualTo("PENDING");

        HttpResponse<String> edited = editor.send(editor.request(vi).header("If-Match", etag(vi)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Tờ gấp BHXH tự nguyện (sửa) " + suffix + "\"}")));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        JsonNode held = Json.parse(editor.get("/api/v1/schedules/" + job).body());
        assertThat(held.get("state").asString()).isEqualTo("HELD");
        assertThat(held.get("reason").asString()).contains("sửa sau khi duyệt");
        HttpResponse<String> retry = editor.post("/api/v1/schedules/" + job + "/retry", "");
        assertThat(retry.statusCode()).isEqualTo(409);
        HttpResponse<String> cancelled = editor.post("/api/v1/schedules/" + job + "/cancel", "{\"reason\":\"Sẽ lên lịch bản mới\"}");
        assertThat(Json.parse(cancelled.body()).get("state").asString()).isEqualTo("CANCELLED");
        remote.verify(0, postRequestedFor(urlEqualTo("/v24.0/1020/feed")));
    }

    @Test
    void aDraftsImageIsPrivateAndOnceApprovedItIsPublicAndGoesOutAsAFacebookPhotoPost() throws Exception {
        remote.stubFor(post(urlEqualTo("/v24.0/1020/photos")).willReturn(okJson("{\"id\":\"1020_77\",\"post_id\":\"1020_78\"}")));
        String facebook = createTarget(facebookTarget("fb-" + suffix));
        HttpResponse<String> uploaded = editor.send(editor.request("/api/v1/assets?productType=INFOGRAPHIC&fileName=infographic.png")
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(120, 80))));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String asset = Json.parse(uploaded.body()).get("id").asString();
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"Infographic BHXH tự nguyện " + suffix
                + "\",\"summary\":\"Nhà nước hỗ trợ tiền đóng\",\"body\":\"<p>Hỗ trợ 30% cho hộ nghèo.</p>\","
                + "\"assets\":[{\"assetId\":\"" + asset + "\",\"role\":\"image\"}]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String product = Json.parse(created.body()).get("productId").asString();
        String media = "/api/v1/media/" + asset + "/infographic.png";

        assertThat(admin.getAnonymously(media).statusCode()).isEqualTo(404);
        approve("/api/v1/products/" + product + "/variants/vi");
        HttpResponse<String> publicFile = admin.getAnonymously(media);
        assertThat(publicFile.statusCode()).isEqualTo(200);
        assertThat(publicFile.headers().firstValue("Content-Type")).hasValue("image/png");

        String job = Json.parse(schedule(product, LocalDateTime.now(VIETNAM), null, facebook).body()).get(0).get("id").asString();
        Await.until(() -> "DELIVERED".equals(state(job)), Duration.ofSeconds(30), "photo post delivered");
        remote.verify(1, postRequestedFor(urlEqualTo("/v24.0/1020/photos"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        java.net.URLEncoder.encode(media, java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(Json.parse(editor.get("/api/v1/schedules/" + job).body()).get("payload").get("media").get(0).get("url").asString())
                .endsWith(media);
    }

    @Test
    void aNewRevisionEditsTheFacebookPostInPlaceAndThePublicationHistoryShowsEachRevisionsDelivery() {
        remote.stubFor(post(urlEqualTo("/v24.0/1020_55")).willReturn(okJson("{\"success\":true}")));
        String facebook = createTarget(facebookTarget("fb-" + suffix));
        String product = createProduct("Khẩu hiệu BHXH tự nguyện " + suffix);
        String vi = "/api/v1/products/" + product + "/variants/vi";
        approve(vi);
        String first = Json.parse(schedule(product, LocalDateTime.now(VIETNAM), null, facebook).body()).get(0).get("id").asString();
        Await.until(() -> "DELIVERED".equals(state(first)), Duration.ofSeconds(30), "the first revision posted");

        HttpResponse<String> edited = editor.send(editor.request(vi).header("If-Match", etag(vi)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Khẩu hiệu BHXH tự nguyện (sửa) " + suffix
                        + "\",\"body\":\"<p>Đóng BHXH tự nguyện để có lương hưu (bản sửa).</p>\"}")));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        approve(vi);
        HttpResponse<String> rescheduled = schedule(product, LocalDateTime.now(VIETNAM), null, facebook);
        assertThat(rescheduled.statusCode()).as(rescheduled.body()).isEqualTo(201);
        String second = Json.parse(rescheduled.body()).get(0).get("id").asString();
        Await.until(() -> "DELIVERED".equals(state(second)), Duration.ofSeconds(30), "the second revision delivered");

        // The post on the Page was edited, not doubled.
        remote.verify(1, postRequestedFor(urlEqualTo("/v24.0/1020/feed")));
        remote.verify(1, postRequestedFor(urlEqualTo("/v24.0/1020_55"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("message=")));
        JsonNode history = Json.parse(editor.get("/api/v1/products/" + product + "/publications").body());
        assertThat(history).hasSize(2);
        JsonNode newest = history.get(0);
        JsonNode earliest = history.get(1);
        assertThat(newest.get("id").asString()).isEqualTo(second);
        assertThat(newest.get("revision").asString()).isNotEqualTo(earliest.get("revision").asString());
        assertThat(newest.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(newest.get("remoteId").asString()).isEqualTo("1020_55");
        assertThat(newest.get("history").get(0).get("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(newest.get("history").get(0).get("atVietnam").asString()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(earliest.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(earliest.get("history").get(1).get("outcome").asString()).isEqualTo("REPLACED");
        assertThat(earliest.get("history").get(1).get("detail").asString())
                .isEqualTo("Bài đã được cập nhật bằng bản sửa " + newest.get("revision").asString() + ".");
        // The raw answers and who sent stay in the job's delivery log, for administrators.
        assertThat(newest.get("history").get(0).has("answer")).isFalse();
        assertThat(newest.get("history").get(0).has("owner")).isFalse();

        WebClient browser = new WebClient(port);
        assertThat(browser.login("xb-bien-tap", TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        String page = browser.get("/products/" + product + "/publications").body();
        assertThat(page).contains("Lịch sử đăng bài", "Trang Facebook BHXH Việt Nam", "Đã được bản sửa sau thay thế",
                "Bài đã được cập nhật bằng bản sửa " + newest.get("revision").asString() + ".", "https://www.facebook.com/1020_55");
        assertThat(browser.get("/products/" + product + "/variants/vi").body()).contains("/products/" + product + "/publications");
    }

    private String facebookTarget(String id) {
        return "{\"id\":\"" + id + "\",\"channel\":\"FACEBOOK\",\"name\":\"Trang Facebook BHXH Việt Nam\",\"endpoint\":\""
                + remote.baseUrl() + "/v24.0\",\"account\":\"1020\",\"credentials\":{\"page_access_token\":\"EAAB-bi-mat\"},"
                + "\"adminContacts\":[\"admin\"]}";
    }

    private String createTarget(String json) {
        HttpResponse<String> created = admin.post("/api/v1/targets", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("id").asString();
    }

    private String createProduct(String title) {
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":" + Json.quote(title)
                + ",\"summary\":\"Giữ quá trình đóng để hưởng lương hưu\",\"body\":\"<p>Nhận BHXH một lần là mất quyền hưởng lương hưu.</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private void approve(String variant) {
        assertThat(transition(editor, variant, "SUBMIT", null).statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, variant, "REVIEW", "Đúng quy định").statusCode()).isEqualTo(200);
        assertThat(transition(approver, variant, "APPROVE", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> schedule(String product, LocalDateTime at, String release, String... targets) {
        StringBuilder ids = new StringBuilder();
        for (String t : targets) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(t).append('"');
        }
        return editor.post("/api/v1/schedules", "{\"productId\":\"" + product + "\",\"language\":\"vi\",\"targets\":[" + ids + "],"
                + "\"publishAt\":\"" + at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\""
                + (release == null ? "" : ",\"releaseId\":\"" + release + "\"") + "}");
    }

    private String state(String job) {
        return Json.parse(editor.get("/api/v1/schedules/" + job).body()).get("state").asString();
    }

    private String etag(String path) {
        return admin.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag(variant))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
