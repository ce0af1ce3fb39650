package vn.bhxh.cms.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Attaching a file to a variant through the API: the same service step as the editor's page, with If-Match. */
@CmsIntegrationTest
class VariantFilesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
    }

    @Test
    void aFileIsUploadedAndAttachedToTheVariantItNames() throws Exception {
        String variant = "/api/v1/products/" + createProduct() + "/variants/vi";
        String etag = api.get(variant).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> attached = attach(variant, etag, "cover", "Ảnh bìa tờ rơi.png");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(attached.headers().firstValue("Location").orElseThrow()).startsWith("/api/v1/assets/");
        String newEtag = attached.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);

        JsonNode saved = Json.parse(api.get(variant).body());
        JsonNode files = saved.get("assets");
        assertThat(files.size()).isEqualTo(1);
        assertThat(files.get(0).get("role").asString()).isEqualTo("cover");
        String assetId = files.get(0).get("assetId").asString();
        assertThat(attached.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/assets/" + assetId);
        assertThat(Json.parse(api.get("/api/v1/assets/" + assetId).body()).get("fileName").asString())
                .isEqualTo("Ảnh bìa tờ rơi.png");
    }

    @Test
    void attachingNeedsTheCurrentVersionAndARole() throws Exception {
        String variant = "/api/v1/products/" + createProduct() + "/variants/vi";
        String etag = api.get(variant).headers().firstValue("ETag").orElseThrow();

        assertThat(attach(variant, null, "cover", "a.png").statusCode()).isEqualTo(428);
        HttpResponse<String> noRole = attach(variant, etag, "", "a.png");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noRole.body()).contains("role");

        assertThat(attach(variant, etag, "cover", "a.png").statusCode()).isEqualTo(201);
        // The version the first attachment was made from is now stale.
        assertThat(attach(variant, etag, "preview", "b.png").statusCode()).isEqualTo(412);
        assertThat(Json.parse(api.get(variant).body()).get("assets").size()).isEqualTo(1);
    }

    private HttpResponse<String> attach(String variant, String etag, String role, String fileName) throws IOException {
        HttpRequest.Builder request = api.request(variant + "/files?productType=INFOGRAPHIC&role=" + role + "&fileName="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(320, 200)));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return api.send(request);
    }

    private String createProduct() {
        HttpResponse<String> created = api.post("/api/v1/products", "{\"info\":{\"type\":\"INFOGRAPHIC\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"Infographic BHXH tự nguyện\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }
}
