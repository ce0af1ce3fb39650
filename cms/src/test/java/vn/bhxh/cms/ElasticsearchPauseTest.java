package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.elasticsearch.node.ElasticsearchNode;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * Elasticsearch hung rather than gone: its process paused (SIGSTOP), as a long garbage collection or a network
 * partition looks, so connections open but nothing ever answers. Health must say DOWN and API calls 503 with
 * Retry-After (never 401: the password was right, the user store could not be read) instead of hanging, and all
 * must recover by itself once the node runs again (SIGCONT). A node of its own: pausing the shared one would stall
 * every other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
        "bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
        "bhxh.elasticsearch.index-retry-interval=500ms",
        "bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
        "bhxh.demo.enabled=false",
        "bhxh.security.password.bcrypt-strength=4"})
@OwnElasticsearchNodes
class ElasticsearchPauseTest {

    /** The test client's own patience: an answer after this would be the hang the application must not have. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final Duration FIRST_START = Duration.ofMinutes(5);
    private static ElasticsearchNode node;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        node = TestElasticsearch.privateNode(0);
        String uri = node.start().toString();
        registry.add("spring.elasticsearch.uris", () -> uri);
    }

    @AfterAll
    static void stopNode() {
        node.resume();
        node.stop();
    }

    @Test
    void aHungNodeMakesHealthDownAndTheApiAnswer503QuicklyAndAllRecoversWhenItRunsAgain() {
        ApiClient api = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        // A first start creates every index: patience for a busy machine, not a timing assertion.
        Await.until(indices::isReady, FIRST_START, "start-up data written");
        assertThat(api.get("/api/v1/products").statusCode()).isEqualTo(200);
        assertThat(health(api).statusCode()).isEqualTo(200);

        node.pause();
        try {
            Instant before = Instant.now();
            HttpResponse<String> health = health(api);
            Duration healthTook = Duration.between(before, Instant.now());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"elasticsearch\":{\"status\":\"DOWN\"}");

            before = Instant.now();
            HttpResponse<String> read = api.send(api.request("/api/v1/products").timeout(CLIENT_TIMEOUT).GET());
            Duration readTook = Duration.between(before, Instant.now());
            assertUnavailable(read);

            before = Instant.now();
            HttpResponse<String> write = api.send(api.request("/api/v1/products").timeout(CLIENT_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"info\":{\"type\":\"SLOGAN\"},\"content\":{\"title\":\"Không được treo\"}}")));
            Duration writeTook = Duration.between(before, Instant.now());
            assertUnavailable(write);
            System.out.printf("[ElasticsearchPauseTest] with the node paused: health %d ms, API read %d ms, API write %d ms%n",
                    healthTook.toMillis(), readTook.toMillis(), writeTook.toMillis());
        } finally {
            node.resume();
        }

        Instant resumed = Instant.now();
        Await.until(() -> health(api).statusCode() == 200, RECOVERY, "health after the node runs again");
        Await.until(() -> api.get("/api/v1/products").statusCode() == 200, RECOVERY, "API after the node runs again");
        System.out.printf("[ElasticsearchPauseTest] recovered %d ms after SIGCONT%n",
                Duration.between(resumed, Instant.now()).toMillis());
        HttpResponse<String> created = api.post("/api/v1/products",
                "{\"info\":{\"type\":\"SLOGAN\"},\"content\":{\"title\":\"BHXH – chỗ dựa khi về già\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
    }

    private static void assertUnavailable(HttpResponse<String> call) {
        assertThat(call.statusCode()).as(call.body()).isEqualTo(503);
        assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.headers().firstValue("Retry-After")).isPresent();
        assertThat(call.body()).contains("Kho dữ liệu tạm thời không khả dụng");
    }

    private static HttpResponse<String> health(ApiClient api) {
        return api.getAnonymously("/actuator/health");
    }
}
