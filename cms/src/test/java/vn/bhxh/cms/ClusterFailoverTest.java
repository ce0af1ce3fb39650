package vn.bhxh.cms;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.elasticsearch.node.ElasticsearchCluster;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * The application on a cluster of three nodes with one replica per index, losing its elected master to kill -9 in
 * the middle of writes and deliveries: every write it acknowledged is still there, reads keep answering, each
 * scheduled post reaches the portal exactly once, and the killed node rejoins (cluster green again).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
        "bhxh.security.initial-admin.password=" + CmsIntegrationTest.ADMIN_PASSWORD,
        "bhxh.elasticsearch.index-retry-interval=500ms",
        "bhxh.elasticsearch.replicas=1",
        "bhxh.elasticsearch.refresh-interval=100ms",
        "bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
        "bhxh.demo.enabled=false",
        "bhxh.publishing.credentials-key-file=${java.io.tmpdir}/bhxh-test-publishing/credentials.key",
        "bhxh.publishing.poll-interval=200ms",
        "bhxh.publishing.retry-base=300ms",
        "bhxh.publishing.retry-max=1s",
        "bhxh.security.password.bcrypt-strength=4"})
@OwnElasticsearchNodes
class ClusterFailoverTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int SCHEDULED = 4;
    private static ElasticsearchCluster cluster;
    private static WireMockServer portal;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @DynamicPropertySource
    static void threeNodes(DynamicPropertyRegistry registry) {
        cluster = TestElasticsearch.privateCluster(3, "256m");
        String uris = cluster.start().stream().map(URI::toString).collect(Collectors.joining(","));
        registry.add("spring.elasticsearch.uris", () -> uris);
        portal = new WireMockServer(options().dynamicPort());
        portal.start();
        portal.stubFor(post(urlEqualTo("/cong-tinh/bhxh")).willReturn(okJson("{\"id\":\"p-1\",\"url\":\"https://cong.example.vn/p-1\"}")));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
        cluster.close();
    }

    @Test
    void losingTheMasterLosesNoAcknowledgedWriteNorDeliversTwiceAndTheNodeRejoins() throws Exception {
        Await.until(indices::isReady, PATIENCE, "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        ApiClient editor = TestUsers.ensure(port, admin, "cum-bien-tap", "[\"EDITOR\"]", "{}");
        ApiClient reviewer = TestUsers.ensure(port, admin, "cum-tham-dinh", "[\"REVIEWER\"]", "{}");
        ApiClient approver = TestUsers.ensure(port, admin, "cum-lanh-dao", "[\"APPROVER\"]", "{}");
        assertThat(http.send(HttpRequest.newBuilder(cluster.node(0).uri().resolve("/products/_settings")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"number_of_replicas\":\"1\"");

        HttpResponse<String> target = admin.post("/api/v1/targets", "{\"id\":\"cong-cum\",\"channel\":\"WEBHOOK\","
                + "\"name\":\"Cổng TTĐT BHXH tỉnh\",\"endpoint\":\"" + portal.baseUrl() + "/cong-tinh/bhxh\","
                + "\"credentials\":{\"secret\":\"khoa-ky\"}}");
        assertThat(target.statusCode()).as(target.body()).isEqualTo(201);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < SCHEDULED; i++) {
            products.add(create(editor, "Tờ gấp lương hưu số " + i));
            approve(editor, reviewer, approver, "/api/v1/products/" + products.getLast() + "/variants/vi");
        }
        // Due a few seconds from now: delivered around the moment the master is lost.
        String due = LocalDateTime.now(VIETNAM).plusSeconds(6).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        List<String> jobs = new ArrayList<>();
        for (String product : products) {
            HttpResponse<String> scheduled = editor.post("/api/v1/schedules", "{\"productId\":\"" + product
                    + "\",\"language\":\"vi\",\"targets\":[\"cong-cum\"],\"publishAt\":\"" + due + "\"}");
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
            jobs.add(Json.parse(scheduled.body()).get(0).get("id").asString());
        }

        // Writers and readers keep going while the master dies.
        String probe = create(editor, "Đọc trong lúc mất nút");
        ConcurrentMap<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, Integer> readAnswers = new TreeMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; running.get(); i++) {
                HttpResponse<String> created = editor.post("/api/v1/products", product("Khẩu hiệu trong lúc mất nút " + i));
                if (created.statusCode() == 201) {
                    acknowledged.put(Json.parse(created.body()).get("productId").asString(), true);
                }
            }
        });
        Thread reader = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                int status = editor.get("/api/v1/products/" + probe).statusCode();
                synchronized (readAnswers) {
                    readAnswers.merge(status, 1, Integer::sum);
                }
            }
        });
        Await.until(() -> acknowledged.size() >= 5, PATIENCE, "writes before the kill");
        int master = masterIndex();
        cluster.node(master).kill();
        int before = acknowledged.size();
        Await.until(() -> acknowledged.size() >= before + 10, PATIENCE, "writes acknowledged after the kill");
        running.set(false);
        writer.join();
        reader.join();

        System.out.printf("[ClusterFailoverTest] killed node %d (master); %d writes acknowledged; read answers %s%n",
                master, acknowledged.size(), readAnswers);
        assertThat(readAnswers.keySet()).as("reads answered with the product or 503, never an error or a hang")
                .isSubsetOf(200, 503);
        assertThat(readAnswers.get(200)).isPositive();
        for (String id : acknowledged.keySet()) {
            assertThat(editor.get("/api/v1/products/" + id).statusCode()).as("acknowledged product " + id).isEqualTo(200);
        }
        for (String job : jobs) {
            Await.until(() -> "DELIVERED".equals(Json.parse(editor.get("/api/v1/schedules/" + job).body()).get("state").asString()),
                    PATIENCE, "job " + job + " delivered");
        }
        portal.verify(SCHEDULED, postRequestedFor(urlEqualTo("/cong-tinh/bhxh")));

        cluster.node(master).start();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(cluster.node((master + 1) % 3).uri()
                .resolve("/_cluster/health?wait_for_status=green&wait_for_nodes=3&timeout=60s")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"green\"", "\"number_of_nodes\":3");
        assertThat(admin.getAnonymously("/actuator/health").statusCode()).isEqualTo(200);
    }

    private int masterIndex() throws IOException, InterruptedException {
        String name = http.send(HttpRequest.newBuilder(cluster.node(0).uri().resolve("/_cat/master?h=node")).build(),
                HttpResponse.BodyHandlers.ofString()).body().strip();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private static String product(String title) {
        return "{\"info\":{\"type\":\"LEAFLET\",\"topics\":[\"VOLUNTARY_SI\"],\"audiences\":[\"3.1\"],\"scope\":\"NATIONAL\"},"
                + "\"content\":{\"title\":" + Json.quote(title) + ",\"summary\":\"Giữ quá trình đóng để hưởng lương hưu\","
                + "\"body\":\"<p>Nhận BHXH một lần là mất quyền hưởng lương hưu.</p>\"}}";
    }

    private static String create(ApiClient editor, String title) {
        HttpResponse<String> created = editor.post("/api/v1/products", product(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("productId").asString();
    }

    private static void approve(ApiClient editor, ApiClient reviewer, ApiClient approver, String variant) {
        assertThat(transition(editor, variant, "SUBMIT", null).statusCode()).isEqualTo(200);
        assertThat(transition(reviewer, variant, "REVIEW", "Đúng quy định").statusCode()).isEqualTo(200);
        assertThat(transition(approver, variant, "APPROVE", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> transition(ApiClient client, String variant, String action, String comment) {
        String etag = client.get(variant).headers().firstValue("ETag").orElseThrow();
        String body = "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":" + Json.quote(comment)) + "}";
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
