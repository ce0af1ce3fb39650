package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.document.Document;
import org.springframework.data.elasticsearch.core.query.UpdateQuery;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestImages;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Issue 12, points 2 and 3: a file that failed inspection stays attached for the editor to replace but stops the
 * workflow with a message naming it, and never goes out publicly; public media shows images inline and makes anything
 * else (a PDF with an OpenAction script above all) a download.
 */
@CmsIntegrationTest
class FileSafetyTest {

    /** The start of a PDF cut short: Tika cannot read it, so the inspection fails (the upload itself is accepted). */
    private static final byte[] TRUNCATED_PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    ElasticsearchOperations elasticsearch;

    ApiClient admin;
    ApiClient editor;
    ApiClient reviewer;
    ApiClient approver;

    @BeforeEach
    void users() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "fs-bien-tap", "[\"EDITOR\"]", "{}");
        reviewer = TestUsers.ensure(port, admin, "fs-tham-dinh", "[\"REVIEWER\"]", "{}");
        approver = TestUsers.ensure(port, admin, "fs-lanh-dao", "[\"APPROVER\"]", "{}");
    }

    @Test
    void aFileThatFailedInspectionStaysAttachedButBlocksSubmitReviewAndApproveNamingIt() {
        HttpResponse<String> uploaded = upload("Tờ rơi bị hỏng.pdf", "application/pdf", TRUNCATED_PDF);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode broken = Json.parse(uploaded.body());
        assertThat(broken.get("inspectionStatus").asString()).isEqualTo("FAILED");
        String id = product("Tờ rơi có tệp hỏng", broken.get("id").asString());
        String vi = "/api/v1/products/" + id + "/variants/vi";

        HttpResponse<String> submit = transition(editor, vi, "SUBMIT");
        assertThat(submit.statusCode()).isEqualTo(409);
        assertThat(submit.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(submit.body()).contains("Tệp không đọc được", "Tờ rơi bị hỏng.pdf", "hãy thay bằng tệp khác");
        assertThat(Json.parse(submit.body()).get("file").asString()).isEqualTo("Tờ rơi bị hỏng.pdf");
        assertThat(Json.parse(admin.get(vi).body()).get("state").asString()).isEqualTo("DRAFT");

        // The editor's page says the same in a sentence, and marks the file.
        WebClient browser = new WebClient(port);
        browser.login("fs-bien-tap", TestUsers.PASSWORD);
        String page = "/products/" + id + "/variants/vi";
        assertThat(browser.get(page).body()).contains("failed-file", "Tệp hỏng, không qua kiểm tra");
        HttpResponse<String> pressed = browser.submit(page, page + "/transition", Map.of("action", "SUBMIT",
                "version", etag(vi)));
        assertThat(pressed.statusCode()).isEqualTo(302);
        assertThat(browser.get(page).body()).contains("Tệp không đọc được", "Tờ rơi bị hỏng.pdf");
    }

    @Test
    void aFileFoundBrokenLaterStopsReviewAndApprovalAndIsNoLongerPublic() {
        HttpResponse<String> uploaded = upload("Áp phích.png", "image/png", TestImages.png(300, 200));
        String asset = Json.parse(uploaded.body()).get("id").asString();
        String vi = "/api/v1/products/" + product("Áp phích kiểm tra lại", asset) + "/variants/vi";
        assertThat(transition(editor, vi, "SUBMIT").statusCode()).isEqualTo(200);

        // A later inspection (a new inspector version, a damaged store) finds the file unreadable.
        inspectionOf(asset, "FAILED");
        HttpResponse<String> review = transition(reviewer, vi, "REVIEW");
        assertThat(review.statusCode()).isEqualTo(409);
        assertThat(review.body()).contains("Áp phích.png");

        inspectionOf(asset, "PASSED");
        assertThat(transition(reviewer, vi, "REVIEW").statusCode()).isEqualTo(200);
        inspectionOf(asset, "FAILED");
        HttpResponse<String> approve = transition(approver, vi, "APPROVE");
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.body()).contains("Áp phích.png");

        inspectionOf(asset, "PASSED");
        assertThat(transition(approver, vi, "APPROVE").statusCode()).isEqualTo(200);
        String media = "/api/v1/media/" + asset + "/anh.png";
        assertThat(admin.getAnonymously(media).statusCode()).isEqualTo(200);
        inspectionOf(asset, "FAILED");
        assertThat(admin.getAnonymously(media).statusCode()).isEqualTo(404);
    }

    @Test
    void publicMediaShowsImagesInlineAndMakesAPdfWithAnOpenActionADownload() throws Exception {
        String image = Json.parse(upload("Áp phích.png", "image/png", TestImages.png(300, 200)).body()).get("id").asString();
        HttpResponse<String> scripted = upload("Tờ gấp có script.pdf", "application/pdf", TestPdf.bytes("To gap", true));
        assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(201);
        String pdf = Json.parse(scripted.body()).get("id").asString();
        String vi = "/api/v1/products/" + product("Tờ gấp công khai", image, pdf) + "/variants/vi";
        assertThat(transition(editor, vi, "SUBMIT").statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, vi, "REVIEW").statusCode()).isEqualTo(200);
        assertThat(transition(approver, vi, "APPROVE").statusCode()).isEqualTo(200);

        HttpResponse<String> png = admin.getAnonymously("/api/v1/media/" + image + "/anh.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        HttpResponse<String> document = admin.getAnonymously("/api/v1/media/" + pdf + "/to-gap.pdf");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(document.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(document.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        // Signed in, asking for it inline changes nothing either.
        WebClient browser = new WebClient(port);
        browser.login("fs-bien-tap", TestUsers.PASSWORD);
        assertThat(browser.get("/files/" + pdf + "?inline=true").headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(browser.get("/files/" + image + "?inline=true").headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline;");
    }

    private void inspectionOf(String asset, String status) {
        elasticsearch.update(UpdateQuery.builder(asset).withDocument(Document.create().append("inspectionStatus", status)
                .append("failureReason", "FAILED".equals(status) ? "Tệp bị cắt cụt." : null)).withRefreshPolicy(
                RefreshPolicy.IMMEDIATE).build(),
                elasticsearch.getIndexCoordinatesFor(Asset.class));
    }

    private HttpResponse<String> upload(String fileName, String type, byte[] content) {
        return editor.send(editor.request("/api/v1/assets?productType=PRINT_MASTER&fileName="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    private String product(String title, String... assets) {
        StringBuilder refs = new StringBuilder();
        for (String asset : assets) {
            refs.append(refs.isEmpty() ? "" : ",").append("{\"assetId\":\"").append(asset).append("\",\"role\":\"print-master\"}");
        }
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":" + Json.quote(title + " "
                + UUID.randomUUID().toString().substring(0, 6)) + ",\"summary\":\"Tờ rơi\",\"body\":\"<p>Nội dung</p>\","
                + "\"assets\":[" + refs + "]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private String etag(String variant) {
        return admin.get(variant).headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action) {
        return client.send(client.request(variant + "/transitions").header("If-Match", etag(variant))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }
}
