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
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Export for a translator, import back: JSON and XLIFF 2.0, formatting kept, changed sources flagged. */
@CmsIntegrationTest
class TranslationExchangeTest {

    private static final String BODY = "<p>Người lao động <strong>nên</strong> tiếp tục tham gia:</p><ul><li>để được hưởng lương hưu</li></ul>";
    // Placeholder text: nobody on the team writes Tày, so tests mark their "translations" as such.
    private static final String TAY_BODY = "<p>[Tày] Người lao động <strong>nên</strong></p><ul><li>[Tày] lương hưu</li></ul>";

    /** The title's segment in the segmented XLIFF (unit u0), up to the end of its source. */
    private static final String TITLE_SOURCE = "(<unit id=\"u0\" name=\"title\">\\s*<segment id=\"[^\"]+\" state=\"[a-z]+\">\\s*<source>[^<]*</source>)";

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient editor;
    ApiClient translator;
    String product;

    @BeforeEach
    void productWithATranslationRequest() {
        Await.until(indices::isReady, Duration.ofSeconds(90), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        editor = TestUsers.ensure(port, admin, "bien-tap", "[\"EDITOR\"]", "{}");
        translator = TestUsers.ensure(port, admin, "dich-tay", "[\"TRANSLATOR\"]", "{\"languages\":[\"tyz\"]}");
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":"
                + Json.quote("Vì sao không nên nhận BHXH một lần " + UUID.randomUUID()) + ",\"body\":" + Json.quote(BODY) + "}}");
        product = Json.parse(created.body()).get("productId").asString();
        assertThat(editor.post("/api/v1/products/" + product + "/variants", "{\"language\":\"tyz\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void jsonRoundTripKeepsFormatting() {
        String path = "/api/v1/products/" + product + "/variants/tyz/translation";
        HttpResponse<String> exported = translator.get(path);
        assertThat(exported.statusCode()).isEqualTo(200);
        ObjectNode file = (ObjectNode) Json.parse(exported.body());
        assertThat(file.get("units").get(2).get("source").asString()).isEqualTo(BODY);
        ((ObjectNode) file.get("units").get(0)).put("target", "[Tày] Vì sao không nên nhận BHXH một lần");
        ((ObjectNode) file.get("units").get(2)).put("target", TAY_BODY);

        HttpResponse<String> imported = put(translator, path, exported.headers().firstValue("ETag").orElseThrow(),
                "application/json", file.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode tay = Json.parse(translator.get("/api/v1/products/" + product + "/variants/tyz").body());
        assertThat(tay.get("body").asString()).isEqualTo(TAY_BODY);
        assertThat(tay.get("sourceRevision").asInt()).isEqualTo(1);
    }

    @Test
    void xliffRoundTripAndAChangedSourceIsFlaggedNotApplied() {
        String path = "/api/v1/products/" + product + "/variants/tyz/translation";
        HttpResponse<String> exported = translator.get(path + "?format=xliff");
        assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xliff+xml");
        String xliff = exported.body();
        assertThat(xliff).contains("urn:oasis:names:tc:xliff:document:2.0", "trgLang=\"tyz\"", "&lt;strong&gt;", "\">nên</pc>");
        String translated = xliff.replaceFirst(TITLE_SOURCE, "$1<target>[Tày] tiêu đề</target>");

        // Meanwhile the editor changes the Vietnamese source.
        String vi = "/api/v1/products/" + product + "/variants/vi";
        String viEtag = editor.get(vi).headers().firstValue("ETag").orElseThrow();
        editor.send(editor.request(vi).header("If-Match", viEtag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Những thiệt thòi khi nhận BHXH một lần\",\"body\":"
                        + Json.quote(BODY) + "}")));

        String etag = translator.get("/api/v1/products/" + product + "/variants/tyz").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> refused = put(translator, path, etag, "application/xliff+xml", translated);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Bản gốc đã thay đổi", "Những thiệt thòi khi nhận BHXH một lần", "\"field\":\"title\"");
        assertThat(Json.parse(translator.get("/api/v1/products/" + product + "/variants/tyz").body()).get("title").isNull()).isTrue();

        // Re-exported against the new source, the same work imports.
        String fresh = translator.get(path + "?format=xliff").body().replaceFirst(TITLE_SOURCE, "$1<target>[Tày] tiêu đề</target>");
        assertThat(put(translator, path, etag, "application/xliff+xml", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void hostileXmlIsRefused() {
        String path = "/api/v1/products/" + product + "/variants/tyz/translation";
        String etag = translator.get("/api/v1/products/" + product + "/variants/tyz").headers().firstValue("ETag").orElseThrow();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file id=\"x\">&e;</file></xliff>";
        HttpResponse<String> refused = put(translator, path, etag, "application/xliff+xml", xxe);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Tệp không hợp lệ").doesNotContain("root:");
    }

    private static HttpResponse<String> put(ApiClient client, String path, String etag, String type, String body) {
        return client.send(client.request(path).header("If-Match", etag).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
