package vn.bhxh.cms.distribution;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * A portal that is down past the allowed delay makes the schedule "missed": health, metric and the target's admins
 * know; when the portal is back the job goes out once and health clears.
 */
@CmsIntegrationTest
@TestPropertySource(properties = "bhxh.publishing.missed-after=2s")
class MissedScheduleTest {

    private static WireMockServer portal;

    @LocalServerPort
    int port;

    @Autowired
    IndexInitializer indices;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        portal = new WireMockServer(options().dynamicPort());
        portal.start();
    }

    @AfterAll
    static void stop() {
        portal.stop();
    }

    @Test
    void aPortalDownPastTheAllowedDelayIsLoudAndTheJobGoesOutOnceWhenItReturns() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        portal.stubFor(post(urlEqualTo("/nhan-tin")).willReturn(aResponse().withStatus(503).withBody("Bảo trì")));
        assertThat(admin.post("/api/v1/targets", "{\"id\":\"cong-tre\",\"channel\":\"WEBHOOK\",\"name\":\"Cổng TTĐT tỉnh (bảo trì)\","
                + "\"endpoint\":\"" + portal.baseUrl() + "/nhan-tin\",\"credentials\":{\"secret\":\"k\"}}").statusCode()).isEqualTo(201);
        String product = Json.parse(admin.post("/api/v1/products", "{\"info\":{\"type\":\"SLOGAN\",\"topics\":[\"VOLUNTARY_SI\"],"
                + "\"audiences\":[\"4\"],\"scope\":\"NATIONAL\"},\"content\":{\"title\":\"BHXH tự nguyện – chỗ dựa khi về già\",\"body\":\"<p>BHXH tự nguyện – chỗ dựa khi về già</p>\"}}")
                .body()).get("productId").asString();
        approveAsThreePeople(admin, product);

        HttpResponse<String> scheduled = admin.post("/api/v1/schedules", "{\"productId\":\"" + product + "\",\"language\":\"vi\","
                + "\"targets\":[\"cong-tre\"],\"publishAt\":\""
                + LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String job = Json.parse(scheduled.body()).get(0).get("id").asString();

        Await.until(() -> admin.getAnonymously("/actuator/health").body().contains("MISSED_SCHEDULES"), Duration.ofSeconds(20),
                "health reports the missed schedule");
        assertThat(admin.getAnonymously("/actuator/health").statusCode()).isEqualTo(200);
        // Jobs other tests left on the shared node (to paused targets) may be overdue too: wait for this target's notice.
        Await.until(() -> admin.get("/api/v1/notices").body().contains("Cổng TTĐT tỉnh (bảo trì)"), Duration.ofSeconds(20),
                "the overdue notice for this target");
        assertThat(admin.get("/api/v1/notices").body()).contains("DELIVERY_OVERDUE", "Cổng TTĐT tỉnh (bảo trì)")
                // The post by its title and time and why, in words: not the product's id, not the job's state code.
                .contains("«BHXH tự nguyện – chỗ dựa khi về già» hẹn đăng lúc ")
                .containsPattern("vẫn chưa lên sau \\d+ phút: (đang gửi|đang chờ gửi lại)")
                .doesNotContain(product).doesNotContain("— PENDING");
        Await.until(() -> meters.get("bhxh.publishing.missed").gauge().value() >= 1.0, Duration.ofSeconds(20), "counted as missed");
        double missedWhileDown = meters.get("bhxh.publishing.missed").gauge().value();

        portal.stubFor(post(urlEqualTo("/nhan-tin")).willReturn(okJson("{\"id\":\"bai-1\"}")));
        Await.until(() -> "DELIVERED".equals(Json.parse(admin.get("/api/v1/schedules/" + job).body()).get("state").asString()),
                Duration.ofSeconds(20), "delivered once the portal is back");
        // This job no longer counts as missed (others' leftovers may keep the health's warning on the shared node).
        Await.until(() -> meters.get("bhxh.publishing.missed").gauge().value() < missedWhileDown, Duration.ofSeconds(10),
                "the delivered job no longer counted as missed");
        // Every refused attempt and the one that went through: all carry the same idempotency key, one post results.
        assertThat(portal.findAll(postRequestedFor(urlEqualTo("/nhan-tin"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).distinct()).containsExactly(job);
        assertThat(Json.parse(admin.get("/api/v1/schedules/" + job).body()).get("attempts").asInt()).isGreaterThan(1);
    }

    private void approveAsThreePeople(ApiClient admin, String product) {
        ApiClient reviewer = TestUsers.ensure(port, admin, "tre-tham-dinh", "[\"REVIEWER\"]", "{\"topics\":[\"VOLUNTARY_SI\"]}");
        ApiClient approver = TestUsers.ensure(port, admin, "tre-lanh-dao", "[\"APPROVER\"]", "{}");
        String variant = "/api/v1/products/" + product + "/variants/vi";
        transition(admin, admin, variant, "SUBMIT");
        transition(admin, reviewer, variant, "REVIEW");
        transition(admin, approver, variant, "APPROVE");
    }

    private static void transition(ApiClient admin, ApiClient client, String variant, String action) {
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> answer = client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
        assertThat(answer.statusCode()).as(action + " " + answer.body()).isEqualTo(200);
    }
}
