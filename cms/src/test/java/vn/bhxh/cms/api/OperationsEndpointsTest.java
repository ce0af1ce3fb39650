package vn.bhxh.cms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * What an operator and an API user get besides the application itself: the OpenAPI description with both ways to sign
 * in, every API route (the feeds too) and the status codes they really answer; Swagger UI under the pages' CSP; the
 * liveness and readiness groups; the Prometheus scrape, for administrators only, whose search timer moves.
 */
@CmsIntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiClient admin() {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        return new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void theOpenApiDescriptionHasTheSecuritySchemesEveryApiRouteTheFeedsAndTheRealStatusCodes() {
        ApiClient admin = admin();
        JsonNode docs = Json.parse(admin.getAnonymously("/v3/api-docs").body());
        JsonNode schemes = docs.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("apiToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.get("security").toString()).contains("basicAuth", "apiToken");
        JsonNode paths = docs.get("paths");

        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]+}", "{$1}");
                JsonNode item = paths.get(path);
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    if (item == null || item.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                        undocumented.add(method + " " + path);
                    }
                }
                if (item == null && mapping.getKey().getMethodsCondition().getMethods().isEmpty()) {
                    undocumented.add(path);
                }
            }
        }
        assertThat(undocumented).as("API routes missing from /v3/api-docs").isEmpty();

        for (String extension : List.of("json", "atom")) {
            JsonNode feed = paths.get("/api/v1/feeds/{language}." + extension).get("get");
            assertThat(feed.get("responses").has("200")).isTrue();
            assertThat(feed.get("responses").has("304")).isTrue();
            assertThat(feed.get("security").isEmpty()).as("the feed is public").isTrue();
        }
        assertThat(paths.get("/api/v1/media/{id}/{fileName}").get("get").get("security").isEmpty()).isTrue();

        Map<String, String> created = Map.of("/api/v1/products", "post", "/api/v1/schedules", "post", "/api/v1/targets", "post",
                "/api/v1/users", "post", "/api/v1/uploads", "post", "/api/v1/assets", "post", "/api/v1/reports", "post",
                "/api/v1/products/{id}/variants", "post");
        created.forEach((path, method) -> {
            JsonNode responses = paths.get(path).get(method).get("responses");
            assertThat(responses.has("201")).as("%s %s answers 201", method, path).isTrue();
            assertThat(responses.has("200")).as("%s %s never answers 200", method, path).isFalse();
        });
        assertThat(paths.get("/api/v1/uploads/{id}").get("patch").get("responses").has("204")).isTrue();
        JsonNode put = paths.get("/api/v1/products/{id}").get("put").get("responses");
        assertThat(put.has("412")).isTrue();
        assertThat(put.has("428")).isTrue();
        assertThat(put.has("404")).isTrue();
        assertThat(put.has("401")).isTrue();
        assertThat(put.get("400").get("content").has("application/problem+json")).isTrue();

        // The real answer is the documented one.
        HttpResponse<String> product = admin.post("/api/v1/products", "{\"info\":{\"type\":\"SLOGAN\",\"topics\":[],"
                + "\"audiences\":[],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"Khẩu hiệu mô tả API\"}}");
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
    }

    @Test
    void swaggerUiIsServedUnderThePagesContentSecurityPolicy() {
        ApiClient admin = admin();
        HttpResponse<String> ui = admin.getAnonymously("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").doesNotContainPattern("<script>[^<]");
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        HttpResponse<String> config = admin.getAnonymously("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
    }

    @Test
    void livenessAndReadinessGroupsAnswerWithoutSigningIn() {
        ApiClient admin = admin();
        HttpResponse<String> liveness = admin.getAnonymously("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(Json.parse(liveness.body()).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> readiness = admin.getAnonymously("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"elasticsearch\"", "\"readinessState\"", "\"indices\"");
    }

    @Test
    void prometheusIsForAdministratorsAndItsSearchTimerMoves() {
        ApiClient admin = admin();
        assertThat(admin.getAnonymously("/actuator/prometheus").statusCode()).isEqualTo(401);
        double before = searches(admin);
        assertThat(admin.get("/api/v1/search?q=" + URLEncoder.encode("lương hưu", StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(searches(admin)).isEqualTo(before + 1);
        assertThat(admin.get("/actuator/prometheus").body()).contains("bhxh_search_seconds_sum", "jvm_memory_used_bytes");
    }

    private static double searches(ApiClient admin) {
        HttpResponse<String> scrape = admin.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines().filter(l -> l.startsWith("bhxh_search_seconds_count ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow();
    }
}
