package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Channel previews of a variant and template overrides by administrators, over HTTP. */
@CmsIntegrationTest
class PreviewAndTemplateApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;
    ApiClient editor;
    String product;

    @BeforeEach
    void slogan() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "bien-tap", "[\"EDITOR\"]", "{}");
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"SLOGAN\",\"campaign\":\"SI-FOR-ALL-MONTH\"},"
                + "\"content\":{\"title\":\"Tham gia BHXH tự nguyện để hưởng lương hưu <script>x</script> \\\"khi về già\\\"\","
                + "\"summary\":\"Tham gia BHXH tự nguyện để hưởng lương hưu khi về già\"}}");
        product = Json.parse(created.body()).get("productId").asString();
    }

    @Test
    void previewsShowPayloadsAndBrokenRulesPerChannel() {
        String base = "/api/v1/products/" + product + "/variants/vi/previews";
        JsonNode sms = Json.parse(editor.get(base + "/sms").body());
        assertThat(sms.toString()).contains("\"encoding\":\"UCS_2\"", "\"segments\":3");
        JsonNode facebook = Json.parse(editor.get(base + "/facebook").body());
        assertThat(facebook.toString()).contains("utm_source=facebook", "utm_campaign=si-for-all-month");
        JsonNode portal = Json.parse(editor.get(base + "/portal").body());
        assertThat(portal.get("payload").get("html").asString()).doesNotContain("<script>").contains("&lt;script&gt;");

        JsonNode print = Json.parse(editor.get(base + "/print").body());
        assertThat(print.get("payload").get("pdfUrl").asString()).endsWith("/previews/print/pdf");
        assertThat(print.get("payload").get("qrUrl").asString()).matches("http://localhost:8080/p/[a-z2-9]{10}\\?utm_source=qr.*");
        HttpResponse<String> pdf = editor.get(base + "/print/pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        assertThat(Json.parse(editor.get(base).body())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(editor.get(base + "/telegram").statusCode()).isEqualTo(404);
    }

    @Test
    void thePortalArticleNamesItsUnitAndItsTitleLessContentCarriesTheSummaryOnce() {
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"campaign\":\"SI-FOR-ALL-MONTH\","
                + "\"ownerUnit\":\"BAN-TUYEN-TRUYEN\"},\"content\":{\"title\":\"Vì sao không nên nhận BHXH một lần\","
                + "\"summary\":\"Nhận BHXH một lần là mất lương hưu\",\"body\":\"<p>Hãy bảo lưu thời gian đóng.</p>\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leaflet = Json.parse(created.body()).get("productId").asString();

        JsonNode portal = Json.parse(editor.get("/api/v1/products/" + leaflet + "/variants/vi/previews/portal").body()).get("payload");

        assertThat(portal.get("html").asString()).contains("Ban Tuyên truyền và Hỗ trợ người tham gia").doesNotContain("BAN-TUYEN-TRUYEN");
        String content = portal.get("content").asString();
        assertThat(content).doesNotContain("<h1", "Vì sao không nên nhận BHXH một lần").contains("Ban Tuyên truyền");
        assertThat(content.split("Nhận BHXH một lần là mất lương hưu", -1)).hasSize(2);
    }

    @Test
    void administratorsOverrideTemplatesWhichAreValidatedAndVersioned() {
        String path = "/api/v1/templates/vi/facebook/message";
        // A change names the version it was made from: the ETag of the GET ("0" while the shipped template applies).
        assertThat(admin.get(path).headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(put(admin, path, "{{title}}", null).statusCode()).isEqualTo(428);
        HttpResponse<String> unknownField = put(admin, path, "{{title}} {{khongCoTruongNay}}", 0);
        assertThat(unknownField.statusCode()).isEqualTo(422);
        assertThat(unknownField.body()).contains("Mẫu không hợp lệ", "khongCoTruongNay");

        String marker = "Mau-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> saved = put(admin, path, marker + " {{title}}", 0);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.parse(saved.body()).get("version").asInt()).isEqualTo(1);
        HttpResponse<String> stale = put(admin, path, "{{title}}", 0);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(admin.get(path).headers().firstValue("ETag")).hasValue("\"1\"");

        String preview = editor.get("/api/v1/products/" + product + "/variants/vi/previews/facebook").body();
        assertThat(preview).contains(marker);
        assertThat(Json.parse(admin.get(path).body()).get("history")).hasSize(1);
        assertThat(editor.get(path).statusCode()).isEqualTo(403);

        assertThat(admin.send(admin.request(path).DELETE()).statusCode()).isEqualTo(428);
        HttpResponse<String> removed = admin.send(admin.request(path).header("If-Match", "\"1\"").DELETE());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(editor.get("/api/v1/products/" + product + "/variants/vi/previews/facebook").body()).doesNotContain(marker);
    }

    private static HttpResponse<String> put(ApiClient client, String path, String source, Integer version) {
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"source\":" + Json.quote(source) + "}"));
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        return client.send(request);
    }
}
