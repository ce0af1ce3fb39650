package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The workbench page: segments side by side with codes and progress, a broken code refused on the page, names not codes. */
@CmsIntegrationTest
class WorkbenchPageTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Test
    void translatorWorksSegmentBySegment() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "bien-tap-trang-wb", "[\"EDITOR\"]", "{}");
        TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        String created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote("Thẻ BHYT hộ gia đình " + UUID.randomUUID()) + ",\"body\":"
                + Json.quote("<p>Tham gia <strong>BHYT</strong> theo hộ gia đình.</p>") + "}}").body();
        String id = Json.parse(created).get("productId").asString();
        editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"tyz\"}");

        WebClient web = new WebClient(port);
        web.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String path = "/translate/" + id + "/tyz/segments";
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Bàn dịch: Tày", "Đã dịch 0/2 đoạn", "class=\"code\"", "⟦1⟧", "Đoạn văn", "Chưa dịch")
                .doesNotContain("Bàn dịch: tyz");
        assertThat(web.get("/translate").body()).contains("<td>Tày</td>");

        String paragraph = segmentId(page.body(), 1);
        String version = field(page.body(), "version");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", version);
        form.put("t:" + paragraph, "[Tày] Tham gia ⟦1⟧BHYT theo hộ.");
        form.put("o:" + paragraph, "");
        HttpResponse<String> refused = web.submit(path, path, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("thiếu mã định dạng ⟦/1⟧", "[Tày] Tham gia ⟦1⟧BHYT theo hộ.");

        form.put("t:" + paragraph, "[Tày] Tham gia ⟦1⟧BHYT⟦/1⟧ theo hộ.");
        HttpResponse<String> saved = web.submit(path, path, form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get(path).body()).contains("Đã dịch 1/2 đoạn", "Đã dịch</span>");
        assertThat(Json.parse(admin.get("/api/v1/products/" + id + "/variants/tyz").body()).get("body").asString())
                .isEqualTo("<p>[Tày] Tham gia <strong>BHYT</strong> theo hộ.</p>");
    }

    @Test
    void theLanguagesReviewerKeepsTheGlossaryOnItsPage() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        TestUsers.ensure(port, admin, "duyet-tay-trang-wb", "[\"REVIEWER\"]", "{\"languages\":[\"tyz\"]}");
        TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        String term = "VssID " + UUID.randomUUID().toString().substring(0, 8);

        WebClient reviewer = new WebClient(port);
        reviewer.login("duyet-tay-trang-wb", TestUsers.PASSWORD);
        String path = "/translate/glossary/tyz";
        HttpResponse<String> saved = reviewer.submit(path, path, Map.of("term", term, "translation", "[Tày] ứng dụng " + term,
                "note", "tên ứng dụng, không dịch"));
        assertThat(saved.statusCode()).isEqualTo(302);

        WebClient translator = new WebClient(port);
        translator.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String page = translator.get(path).body();
        assertThat(page).contains("Bảng thuật ngữ: Tày", term, "[Tày] ứng dụng " + term).doesNotContain("id=\"glossary-form\"");
        assertThat(translator.get("/translate").body()).contains("Bảng thuật ngữ: Tày");
    }

    @Test
    void approvedTranslationsComeBackAsMemoryMatchesWithAButtonToUseThem() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "bien-tap-trang-wb", "[\"EDITOR\"]", "{}");
        ApiClient translator = TestUsers.ensure(port, admin, "dich-tay-trang-wb", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        ApiClient reviewer = TestUsers.ensure(port, admin, "duyet-tay-trang-wb", "[\"REVIEWER\"]", "{\"languages\":[\"tyz\"]}");
        ApiClient approver = TestUsers.ensure(port, admin, "phe-duyet-trang-wb", "[\"APPROVER\"]", "{}");
        String sentence = "Mức đóng BHXH tự nguyện bằng 22% mức thu nhập tháng " + UUID.randomUUID().toString().substring(0, 6) + ".";
        String first = product(editor, "<p>" + sentence + "</p>");
        String tay = "/api/v1/products/" + first + "/variants/tyz";
        JsonNode wb = Json.parse(translator.get(tay + "/segments").body());
        String edits = "[{\"id\":\"" + wb.get("segments").get(0).get("id").asString() + "\",\"target\":\"[Tày] tiêu đề\"},{\"id\":\""
                + wb.get("segments").get(1).get("id").asString() + "\",\"target\":\"[Tày] mức đóng\"}]";
        assertThat(translator.send(translator.request(tay + "/segments").header("If-Match", etag(translator, tay))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"segments\":" + edits + "}")))
                .statusCode()).isEqualTo(200);
        for (Map.Entry<ApiClient, String> step : List.of(Map.entry(translator, "SUBMIT"), Map.entry(reviewer, "REVIEW"),
                Map.entry(approver, "APPROVE"))) {
            HttpResponse<String> done = step.getKey().send(step.getKey().request(tay + "/transitions").header("If-Match", etag(admin, tay))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + step.getValue() + "\"}")));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        }

        String second = product(editor, "<p>" + sentence + "</p>");
        WebClient web = new WebClient(port);
        web.login("dich-tay-trang-wb", TestUsers.PASSWORD);
        String page = web.get("/translate/" + second + "/tyz/segments").body();
        assertThat(page).contains("Bộ nhớ dịch", "100%", "[Tày] mức đóng", "data-use-for=\"t-", "data-text=\"[Tày] mức đóng\"");
    }

    private static String product(ApiClient editor, String body) {
        String created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote("Mức đóng " + UUID.randomUUID()) + ",\"body\":" + Json.quote(body) + "}}").body();
        String id = Json.parse(created).get("productId").asString();
        assertThat(editor.post("/api/v1/products/" + id + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
        return id;
    }

    private static String etag(ApiClient client, String path) {
        return client.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private static String segmentId(String page, int index) {
        Matcher m = Pattern.compile("name=\"t:([^\"]+)\"").matcher(page);
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        return m.group(1);
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&quot;", "\"");
    }
}
