package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bhxh.cms.site.WebClient;
import vn.bhxh.elasticsearch.node.ElasticsearchNode;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * The application against a node of its own that the test stops and starts: down when the application
 * starts, back, down again, back again. The application must keep running, report down, answer 503 with a
 * problem, and recover by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
        "bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
        "bhxh.elasticsearch.index-retry-interval=500ms",
        "bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media"})
@OwnElasticsearchNodes
class ElasticsearchOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final Duration FIRST_START = Duration.ofMinutes(5);
    private static final int ES_PORT = ElasticsearchNode.freePort();
    private static ElasticsearchNode node;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        node = TestElasticsearch.privateNode(ES_PORT);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + ES_PORT);
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    @Test
    void keepsRunningWhileElasticsearchIsDownAndRecoversByItself() throws Exception {
        ApiClient api = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);

        // Elasticsearch was never up: the application started anyway.
        assertDown(api);

        node.start();
        // The first start creates every index: patience for a busy machine, not a timing assertion. Until the instance
        // is ready it refuses with 503 (never a 401 for a correct password, never a 500), and its readiness says so.
        Await.until(() -> {
            // Readiness first: once ready an instance stays ready, so a refusal after it means readiness said so too.
            int readiness = api.getAnonymously("/actuator/health/readiness").statusCode();
            int status = api.get("/api/v1/products").statusCode();
            assertThat(status).as("the API while the instance prepares its indices").isIn(200, 503);
            if (status == 503) {
                assertThat(readiness).as("readiness while the API refuses").isEqualTo(503);
            }
            return status == 200;
        }, FIRST_START, "API after the first start");
        assertThat(health(api).statusCode()).isEqualTo(200);
        // Nothing was written through an alias before it existed: that would have made a plain index under its name.
        assertThat(indexNames()).isNotEmpty().allMatch(name -> name.matches(".+-v\\d+") || name.equals("startup-lock"));
        HttpResponse<String> created = api.post("/api/v1/products",
                "{\"info\":{\"type\":\"SLOGAN\"},\"content\":{\"title\":\"BHXH tự nguyện – An sinh cho mọi người\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        // A browser signed in while Elasticsearch answers: its session lives there too.
        WebClient browser = new WebClient(port);
        assertThat(browser.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        node.stop();
        assertDown(api);
        assertSignedInBrowserToldToWait(browser);

        node.start();
        Await.until(() -> health(api).statusCode() == 200, RECOVERY, "health after the restart");
        HttpResponse<String> read = api.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("BHXH tự nguyện – An sinh cho mọi người");

        assertThat(browser.get("/").statusCode()).as("the session outlived the outage").isEqualTo(200);
    }

    /**
     * Every request of a signed-in browser reads its session from Elasticsearch before anything else: with it down, the
     * page is a readable 503 (Vietnamese first, then English); an API call (HTTP Basic: the API keeps no session) that
     * also carries the cookie is the API's 503 problem.
     */
    private void assertSignedInBrowserToldToWait(WebClient browser) {
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("<html lang=\"vi\">", "Hệ thống tạm thời không khả dụng",
                        "System temporarily unavailable", "<div lang=\"en\">")
                .doesNotContain("Exception", "Elasticsearch", "Whitelabel");
        assertThat(page.body().indexOf("Hệ thống tạm thời")).isLessThan(page.body().indexOf("System temporarily"));

        HttpResponse<String> call = browser.get("/api/v1/products", "Accept", "application/json", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString((CmsIntegrationTest.ADMIN + ":" + CmsIntegrationTest.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.headers().firstValue("Retry-After")).isPresent();
        assertThat(call.body()).contains("Kho dữ liệu tạm thời không khả dụng");
    }

    private static void assertDown(ApiClient api) {
        HttpResponse<String> health = health(api);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"elasticsearch\":{\"status\":\"DOWN\"}");

        HttpResponse<String> call = api.post("/api/v1/products",
                "{\"info\":{\"type\":\"LEAFLET\"},\"content\":{\"title\":\"Không được mất\"}}");
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.headers().firstValue("Retry-After")).isPresent();
        assertThat(call.body()).contains("Kho dữ liệu tạm thời không khả dụng");
    }

    private static List<String> indexNames() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String names = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ES_PORT + "/_cat/indices?h=index"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return names.lines().map(String::strip).filter(name -> !name.isEmpty()).toList();
        }
    }

    private static HttpResponse<String> health(ApiClient api) {
        return api.getAnonymously("/actuator/health");
    }
}
