package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

@CmsIntegrationTest
class SmokeTest {

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
    void healthShowsElasticsearchUp() {
        HttpResponse<String> health = api.getAnonymously("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"elasticsearch\":{\"status\":\"UP\"}");
    }

    @Test
    void writesAProductAndReadsItBack() {
        HttpResponse<String> created = api.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},"
                + "\"content\":{\"title\":\"Vì sao không nên nhận BHXH một lần\",\"summary\":\"Tờ rơi tuyên truyền\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String productId = Json.parse(created.body()).get("productId").asString();
        assertThat(created.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"\\d+-\\d+\""));

        HttpResponse<String> read = api.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"title\":\"Vì sao không nên nhận BHXH một lần\"", "\"type\":\"LEAFLET\"");
        // The author sees their own write in the list at once (refresh=wait_for, no forced refresh).
        assertThat(api.get("/api/v1/products?sort=newest&size=100").body()).contains(productId);
    }

    @Test
    void refusesBadInputWithAProblemInVietnameseUnlessEnglishIsAsked() {
        HttpResponse<String> vietnamese = api.post("/api/v1/products", "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":\" \"}}");
        assertThat(vietnamese.statusCode()).isEqualTo(400);
        assertThat(vietnamese.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(vietnamese.body()).contains("Dữ liệu không hợp lệ", "\"field\":\"content.title\"", "không được để trống");

        HttpResponse<String> english = api.send(api.request("/api/v1/products").header("Accept-Language", "en")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":\"" + "x".repeat(301) + "\"}}")));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Invalid input", "\"field\":\"content.title\"");
    }

    @Test
    void servesItsOpenApiDescription() {
        HttpResponse<String> openApi = api.getAnonymously("/v3/api-docs");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"", "/api/v1/products/{id}/variants/{language}/transitions",
                "/api/v1/search");
    }

    @Test
    void pageSizeIsLimited() {
        assertThat(api.get("/api/v1/products?size=100").statusCode()).isEqualTo(200);
        HttpResponse<String> tooMany = api.get("/api/v1/products?size=101");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // Elasticsearch's result window: 10,000 results can be paged through, not one more.
        assertThat(api.get("/api/v1/products?size=100&page=99").statusCode()).isEqualTo(200);
        HttpResponse<String> tooDeep = api.get("/api/v1/products?size=100&page=100");
        assertThat(tooDeep.statusCode()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("Trang quá sâu");
    }

    @Test
    void unknownProductIsAProblem() {
        HttpResponse<String> missing = api.get("/api/v1/products/khong-co");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Không tìm thấy", "khong-co");
    }

    @Test
    void wrongPasswordIsRefusedWithAProblem() {
        HttpResponse<String> refused = new ApiClient(port, CmsIntegrationTest.ADMIN, "sai-mat-khau").get("/api/v1/products");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("Chưa đăng nhập");
    }
}
