package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The approval workflow over real HTTP, with one user per role. */
@CmsIntegrationTest
class WorkflowApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    ApiClient editor;
    ApiClient reviewer;
    ApiClient approver;
    ApiClient secondApprover;
    ApiClient editorApprover;
    ApiClient tayTranslator;
    ApiClient tayReviewer;
    ApiClient provincial;

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "bien-tap", "[\"EDITOR\"]", "{}");
        reviewer = TestUsers.ensure(port, admin, "tham-dinh", "[\"REVIEWER\"]", "{\"topics\":[\"VOLUNTARY_SI\"]}");
        approver = TestUsers.ensure(port, admin, "lanh-dao", "[\"APPROVER\"]", "{}");
        secondApprover = TestUsers.ensure(port, admin, "lanh-dao-2", "[\"APPROVER\"]", "{}");
        editorApprover = TestUsers.ensure(port, admin, "bien-tap-duyet", "[\"EDITOR\",\"APPROVER\",\"REVIEWER\"]", "{}");
        tayTranslator = TestUsers.ensure(port, admin, "dich-tay", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        tayReviewer = TestUsers.ensure(port, admin, "kiem-tay", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        provincial = TestUsers.ensure(port, admin, "tinh-cao-bang", "[\"PROVINCIAL_STAFF\"]", "{\"province\":\"CB\"}");
    }

    @Test
    void aLeafletGoesFromDraftToPublishedWithFourEyes() {
        String id = create(editor, "Vì sao không nên nhận BHXH một lần " + UUID.randomUUID());
        String vi = "/api/v1/products/" + id + "/variants/vi";

        // Illegal transitions are refused with the reason.
        HttpResponse<String> early = transition(approver, vi, etag(editor, vi), "APPROVE", null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Chuyển trạng thái không hợp lệ");

        assertThat(transition(editor, vi, etag(editor, vi), "SUBMIT", null).statusCode()).isEqualTo(200);
        // A reviewer of another topic may not review it; a reject needs a comment.
        HttpResponse<String> noComment = transition(reviewer, vi, etag(editor, vi), "REJECT", " ");
        assertThat(noComment.statusCode()).isEqualTo(409);
        assertThat(noComment.body()).contains("Cần ghi ý kiến");

        HttpResponse<String> reviewed = transition(reviewer, vi, etag(editor, vi), "REVIEW", "Đúng quy định");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(Json.parse(reviewed.body()).get("state").asString()).isEqualTo("REVIEWED");

        HttpResponse<String> approved = transition(approver, vi, etag(editor, vi), "APPROVE", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(Json.parse(approved.body()).get("approvedBy").asString()).isEqualTo("lanh-dao");
        assertThat(transition(editor, vi, etag(editor, vi), "PUBLISH", null).statusCode()).isEqualTo(200);

        List<String> actions = new ArrayList<>();
        Json.parse(admin.get("/api/v1/products/" + id + "/audit").body()).forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("PRODUCT_CREATED", "SUBMIT", "REVIEW", "APPROVE", "PUBLISH");
    }

    @Test
    void nobodyReviewsOrApprovesWhatTheyEdited() {
        String id = create(editorApprover, "Những điều cần biết về BHXH tự nguyện " + UUID.randomUUID());
        String vi = "/api/v1/products/" + id + "/variants/vi";
        assertThat(transition(editorApprover, vi, etag(editor, vi), "SUBMIT", null).statusCode()).isEqualTo(200);

        HttpResponse<String> selfReview = transition(editorApprover, vi, etag(editor, vi), "REVIEW", null);
        assertThat(selfReview.statusCode()).isEqualTo(403);
        assertThat(selfReview.body()).contains("Nguyên tắc bốn mắt");

        assertThat(transition(reviewer, vi, etag(editor, vi), "REVIEW", null).statusCode()).isEqualTo(200);
        assertThat(transition(editorApprover, vi, etag(editor, vi), "APPROVE", null).statusCode()).isEqualTo(403);
    }

    @Test
    void twoConcurrentApprovalsCannotBothSucceed() throws Exception {
        String id = create(editor, "Những thiệt thòi khi nhận BHXH một lần " + UUID.randomUUID());
        String vi = "/api/v1/products/" + id + "/variants/vi";
        transition(editor, vi, etag(editor, vi), "SUBMIT", null);
        transition(reviewer, vi, etag(editor, vi), "REVIEW", null);
        String version = etag(editor, vi);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> first = pool.submit(() -> {
                start.await();
                return transition(approver, vi, version, "APPROVE", null);
            });
            Future<HttpResponse<String>> second = pool.submit(() -> {
                start.await();
                return transition(secondApprover, vi, version, "APPROVE", null);
            });
            start.countDown();
            List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            HttpResponse<String> loser = first.get().statusCode() == 412 ? first.get() : second.get();
            assertThat(loser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Json.parse(loser.body()).get("currentVersion").asString()).isEqualTo(etag(editor, vi));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesNeedTheVersionTheyWereMadeFromAndKeepEveryVersion() {
        String id = create(editor, "Vì sao người dân nên tham gia BHXH tự nguyện " + UUID.randomUUID());
        String vi = "/api/v1/products/" + id + "/variants/vi";
        String original = etag(editor, vi);

        HttpResponse<String> blind = editor.send(editor.request(vi).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Không có If-Match\"}")));
        assertThat(blind.statusCode()).isEqualTo(428);

        assertThat(edit(editor, vi, original, "Tiêu đề mới", "<p>Nội dung <script>alert(1)</script><strong>mới</strong></p>")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = edit(editor, vi, original, "Ghi đè", null);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue(etag(editor, vi));

        JsonNode current = Json.parse(editor.get(vi).body());
        assertThat(current.get("body").asString()).contains("<strong>mới</strong>").doesNotContain("script");
        assertThat(Json.parse(editor.get(vi + "/versions").body())).hasSize(2);
        assertThat(editor.get(vi + "/diff?from=1&to=2").body()).contains("\"field\":\"title\"", "Tiêu đề mới");

        HttpResponse<String> restored = editor.send(editor.request(vi + "/versions/1/restore").header("If-Match", etag(editor, vi))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(restored.statusCode()).isEqualTo(200);
        JsonNode afterRestore = Json.parse(restored.body());
        assertThat(afterRestore.get("revision").asInt()).isEqualTo(3);
        assertThat(afterRestore.get("title").asString()).startsWith("Vì sao người dân nên tham gia BHXH tự nguyện");
        assertThat(afterRestore.get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aTranslationIsScopedReviewedByALanguageSpecialistAndMarkedOutdatedWhenTheSourceChanges() {
        String id = create(editor, "Những điều cần biết về BHYT hộ gia đình " + UUID.randomUUID());
        String base = "/api/v1/products/" + id + "/variants";
        assertThat(editor.post(base, "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        assertThat(editor.post(base, "{\"language\":\"km\"}").statusCode()).isEqualTo(201);
        assertThat(editor.post(base, "{\"language\":\"tyz\"}").statusCode()).isEqualTo(409);

        // The translator sees and edits only their language.
        assertThat(tayTranslator.get(base + "/km").statusCode()).isEqualTo(404);
        assertThat(edit(tayTranslator, base + "/vi", etag(editor, base + "/vi"), "Sửa bản gốc", null).statusCode()).isEqualTo(403);
        HttpResponse<String> translated = edit(tayTranslator, base + "/tyz", etag(editor, base + "/tyz"),
                "[bản dịch tiếng Tày của người dịch]", "<p>[nội dung]</p>");
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(200);
        assertThat(Json.parse(translated.body()).get("sourceRevision").asInt()).isEqualTo(1);

        transition(tayTranslator, base + "/tyz", etag(editor, base + "/tyz"), "SUBMIT", null);
        // A Vietnamese-topic reviewer is not a Tày specialist; the second Tày speaker is.
        assertThat(transition(reviewer, base + "/tyz", etag(editor, base + "/tyz"), "REVIEW", null).statusCode()).isEqualTo(403);
        assertThat(transition(tayReviewer, base + "/tyz", etag(editor, base + "/tyz"), "REVIEW", null).statusCode()).isEqualTo(200);

        // The source changes: the translation is outdated, shows what changed, and cannot be approved.
        edit(editor, base + "/vi", etag(editor, base + "/vi"), "Những điều cần biết về BHYT hộ gia đình (2025)", null);
        JsonNode tay = Json.parse(editor.get(base + "/tyz").body());
        assertThat(tay.get("outdated").asBoolean()).isTrue();
        assertThat(editor.get(base + "/tyz/source-changes").body()).contains("\"field\":\"title\"", "(2025)");
        HttpResponse<String> refused = transition(approver, base + "/tyz", etag(editor, base + "/tyz"), "APPROVE", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Bản dịch đã lỗi thời");

        HttpResponse<String> confirmed = approver.send(approver.request(base + "/tyz/confirm-source")
                .header("If-Match", etag(editor, base + "/tyz")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"Chỉ đổi năm, bản dịch vẫn đúng\"}")));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(transition(approver, base + "/tyz", etag(editor, base + "/tyz"), "APPROVE", null).statusCode()).isEqualTo(200);
    }

    @Test
    void provincialStaffSeeApprovedNationalProductsButNoDrafts() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String draft = create(editor, "Bản nháp toàn quốc " + marker);
        String released = create(editor, "Tờ rơi đã duyệt " + marker);
        String vi = "/api/v1/products/" + released + "/variants/vi";
        transition(editor, vi, etag(editor, vi), "SUBMIT", null);
        transition(reviewer, vi, etag(editor, vi), "REVIEW", null);
        transition(approver, vi, etag(editor, vi), "APPROVE", null);

        assertThat(provincial.get("/api/v1/products/" + draft + "/variants/vi").statusCode()).isEqualTo(404);
        assertThat(provincial.get(vi).statusCode()).isEqualTo(200);
        String found = provincial.get("/api/v1/search?q=" + marker).body();
        assertThat(found).contains(released).doesNotContain(draft);
        // National products are not theirs to create.
        assertThat(provincial.post("/api/v1/products", newProduct("Của tỉnh", "NATIONAL", null)).statusCode()).isEqualTo(403);
        assertThat(provincial.post("/api/v1/products", newProduct("Tờ rơi của tỉnh Cao Bằng", "LOCAL", "CB")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void searchWithoutDiacriticsFindsTheSameItemsRankingExactDiacriticsFirst() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 6);
        String accented = create(editor, "Vì sao không nên nhận BHXH một lần " + marker);
        String plain = create(editor, "Vi sao khong nen nhan BHXH mot lan " + marker);

        JsonNode folded = Json.parse(editor.get("/api/v1/search?q=vi+sao+khong+nen+nhan+bhxh+mot+lan+" + marker).body());
        assertThat(folded.get("hits").findValuesAsString("productId")).contains(accented, plain);

        JsonNode exact = Json.parse(editor.get("/api/v1/search?q=" + java.net.URLEncoder.encode(
                "Vì sao không nên nhận BHXH một lần " + marker, java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(exact.get("hits").get(0).get("productId").asString()).isEqualTo(accented);
        assertThat(exact.get("facets").get("type").has("LEAFLET")).isTrue();
        assertThat(exact.get("hits").get(0).get("highlights").toString()).contains("<mark>");
    }

    @Test
    void apiTokensAreShownOnceWorkUntilRevokedAndOnlyAdminsManageUsers() {
        TestUsers.ensure(port, admin, "ket-noi-zalo", "[\"CONNECTOR\"]", "{\"channels\":[\"zalo\"]}");
        HttpResponse<String> issued = admin.post("/api/v1/users/ket-noi-zalo/tokens", "{\"name\":\"Zalo OA\",\"validDays\":30}");
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode token = Json.parse(issued.body());
        String secret = token.get("token").asString();

        HttpResponse<String> withToken = admin.send(HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/products")).header("Authorization", "Bearer " + secret));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/users/ket-noi-zalo/tokens").body()).doesNotContain(secret).contains("Zalo OA");

        admin.send(admin.request("/api/v1/users/ket-noi-zalo/tokens/" + token.get("id").asString()).DELETE());
        HttpResponse<String> revoked = admin.send(HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/products")).header("Authorization", "Bearer " + secret));
        assertThat(revoked.statusCode()).isEqualTo(401);

        assertThat(editor.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(editor.get("/api/v1/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit?action=TOKEN_REVOKED").body()).contains("TOKEN_REVOKED");
    }

    private String create(ApiClient client, String title) {
        HttpResponse<String> created = client.post("/api/v1/products", newProduct(title, "NATIONAL", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private static String newProduct(String title, String scope, String province) {
        return "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],\"audiences\":[\"3.1\"],\"scope\":\"" + scope + "\""
                + (province == null ? "" : ",\"province\":\"" + province + "\"") + "},"
                + "\"content\":{\"title\":" + Json.quote(title) + ",\"summary\":\"Tờ rơi tuyên truyền\",\"body\":\"<p>Nội dung</p>\"}}";
    }

    private String etag(ApiClient client, String path) {
        return admin.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> transition(ApiClient client, String variant, String etag, String action, String comment) {
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> edit(ApiClient client, String variant, String etag, String title, String body) {
        String json = "{\"title\":" + Json.quote(title) + (body == null ? "" : ",\"body\":" + Json.quote(body)) + "}";
        return client.send(client.request(variant).header("If-Match", etag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
