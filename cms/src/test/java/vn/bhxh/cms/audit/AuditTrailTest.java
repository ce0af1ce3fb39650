package vn.bhxh.cms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The audit trail is a hash chain several instances append to, and refused attempts are in it. */
@CmsIntegrationTest
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchOperations operations;

    @Autowired
    AuditLog audit;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;

    @BeforeEach
    void connect() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void writersOfTwoInstancesAppendingAtOnceBuildOneUnbrokenChain() throws Exception {
        AuditLog one = new AuditLog(operations, new AuditChain(operations), Clock.systemUTC());
        AuditLog other = new AuditLog(operations, new AuditChain(operations), Clock.systemUTC());
        String marker = "song-song-" + UUID.randomUUID();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<AuditEvent>> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditLog log = i % 2 == 0 ? one : other;
            int n = i;
            written.add(writers.submit(() -> log.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, null, marker + " " + n)));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditEvent> event : written) {
            sequences.add(event.get().sequence());
        }
        writers.shutdown();

        assertThat(sequences).doesNotHaveDuplicates();
        JsonNode verification = verification();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(sequences.stream().max(Long::compare).orElseThrow());
    }

    @Test
    void entriesRecordedTogetherWhileAnotherInstanceAppendsKeepTheirOrderInOneUnbrokenChain() throws Exception {
        AuditLog loader = new AuditLog(operations, new AuditChain(operations), Clock.systemUTC());
        AuditLog other = new AuditLog(operations, new AuditChain(operations), Clock.systemUTC());
        String marker = "cung-luc-" + UUID.randomUUID();
        List<AuditEvent> prepared = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            prepared.add(loader.prepare("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, null, marker + " lo " + i));
        }
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> written = new ArrayList<>();
        written.add(writers.submit(() -> loader.recordAll(prepared)));
        for (int i = 0; i < 30; i++) {
            int n = i;
            written.add(writers.submit(() -> other.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, null,
                    marker + " le " + n)));
        }
        for (Future<?> write : written) {
            write.get();
        }
        writers.shutdown();

        List<AuditEvent> batch = new ArrayList<>(audit.search(new AuditLog.AuditFilter("kiem-thu", null, null, null,
                prepared.getFirst().at(), null), 0, 1000).stream()
                .filter(e -> e.details() != null && e.details().startsWith(marker + " lo ")).toList());
        batch.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        assertThat(batch).extracting(AuditEvent::details)
                .containsExactlyElementsOf(prepared.stream().map(AuditEvent::details).toList());
        JsonNode verification = verification();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(batch.getLast().sequence());
    }

    @Test
    void anEntryAlteredOrRemovedBehindTheApplicationsBackIsNamedByTheVerification() {
        AuditEvent original = audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "bản gốc", null);
        audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "bản sau", null);
        assertThat(verification().get("intact").asBoolean()).isTrue();
        ElasticsearchOperations direct = operations.withRefreshPolicy(RefreshPolicy.IMMEDIATE);
        try {
            AuditEvent altered = new AuditEvent(original.id(), original.at(), "ke-gian", original.action(), null, null, null, null,
                    "bản đã bị sửa", null, original.sequence(), original.previousHash(), original.hash());
            direct.index(new IndexQueryBuilder().withId(original.id()).withObject(altered).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));

            JsonNode alteredFound = verification();
            assertThat(alteredFound.get("intact").asBoolean()).isFalse();
            assertThat(alteredFound.get("firstBrokenId").asString()).isEqualTo(original.id());
            assertThat(alteredFound.get("firstBrokenSequence").asLong()).isEqualTo(original.sequence());
            assertThat(alteredFound.get("problem").asString()).isEqualTo("ALTERED");

            direct.delete(original.id(), direct.getIndexCoordinatesFor(AuditEvent.class));
            JsonNode removedFound = verification();
            assertThat(removedFound.get("firstBrokenSequence").asLong()).isEqualTo(original.sequence());
            assertThat(removedFound.get("problem").asString()).isEqualTo("MISSING");
        } finally {
            direct.index(new IndexQueryBuilder().withId(original.id()).withObject(original).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void refusedAttemptsAreAudited() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient both = TestUsers.ensure(port, admin, "tham-duyet-" + suffix, "[\"EDITOR\",\"REVIEWER\",\"APPROVER\"]", "{}");
        ApiClient editor = TestUsers.ensure(port, admin, "soan-" + suffix, "[\"EDITOR\"]", "{}");
        HttpResponse<String> created = editor.post("/api/v1/products", "{\"info\":{\"type\":\"SLOGAN\"},"
                + "\"content\":{\"title\":\"Khẩu hiệu " + suffix + "\"}}");
        String variant = "/api/v1/products/" + Json.parse(created.body()).get("productId").asString() + "/variants/vi";
        assertThat(transition(editor, variant, "SUBMIT").statusCode()).isEqualTo(200);
        assertThat(transition(both, variant, "REVIEW").statusCode()).isEqualTo(200);

        HttpResponse<String> selfApproval = transition(both, variant, "APPROVE");

        assertThat(selfApproval.statusCode()).isEqualTo(403);
        assertThat(Json.parse(selfApproval.body()).get("detail").asString()).contains("ba người khác nhau");
        assertThat(audit.search(new AuditLog.AuditFilter("tham-duyet-" + suffix,
                "REFUSED:four-eyes-reviewer", null, null, null, null), 0, 10)).hasSize(1);
        // A role that does not reach an endpoint family is refused and recorded too.
        assertThat(editor.get("/api/v1/audit").statusCode()).isEqualTo(403);
        assertThat(audit.search(new AuditLog.AuditFilter("soan-" + suffix, "REFUSED:role", null, null, null, null), 0, 10))
                .hasSize(1);
    }

    private JsonNode verification() {
        HttpResponse<String> response = admin.get("/api/v1/audit/verification");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private HttpResponse<String> transition(ApiClient client, String variant, String action) {
        String etag = admin.get(variant).headers().firstValue("ETag").orElseThrow();
        return client.send(client.request(variant + "/transitions").header("If-Match", etag)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }
}
