package vn.bhxh.cms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * The audit trail's retention removes the oldest entries from the start of the chain only, behind an anchor, records
 * the removal in the chain itself, and leaves a chain that still verifies strictly; a broken chain is never pruned.
 */
@CmsIntegrationTest
class AuditRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditRetention retention;

    @Autowired
    ElasticsearchOperations operations;

    @Autowired
    IndexInitializer indices;

    ApiClient admin;

    @BeforeEach
    void connect() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void theOldestEntriesGoBehindAnAnchorAndTheRestStillVerifies() throws Exception {
        List<AuditEvent> old = List.of(
                audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "cũ 1", null),
                audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "cũ 2", null));
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        AuditEvent young = audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "mới", null);

        long pruned = retention.prune(cutoff);

        assertThat(pruned).isEqualTo(young.sequence() - 1).isGreaterThanOrEqualTo(old.get(1).sequence());
        for (AuditEvent gone : old) {
            assertThat(operations.get(gone.id(), AuditEvent.class)).as("entry %s", gone.sequence()).isNull();
        }
        assertThat(operations.get(young.id(), AuditEvent.class)).isEqualTo(young);
        JsonNode verification = verification();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("prunedThrough").asLong()).isEqualTo(pruned);
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThan(young.sequence());
        // The removal is itself on the record, with the hash the anchor keeps.
        JsonNode recorded = Json.parse(admin.get("/api/v1/audit?action=AUDIT_PRUNED&size=1").body()).get(0);
        assertThat(recorded.get("sequence").asLong()).isGreaterThan(young.sequence());
        assertThat(recorded.get("details").asString()).contains("–" + pruned).contains(young.previousHash());
        // Nothing older than the cutoff is left to remove.
        assertThat(retention.prune(cutoff)).isZero();
    }

    @Test
    void aBrokenChainIsNotPruned() {
        AuditEvent entry = audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "bằng chứng", null);
        ElasticsearchOperations direct = operations.withRefreshPolicy(RefreshPolicy.IMMEDIATE);
        AuditEvent altered = new AuditEvent(entry.id(), entry.at(), "ke-gian", entry.action(), null, null, null, null,
                "đã bị sửa", null, entry.sequence(), entry.previousHash(), entry.hash());
        try {
            direct.index(new IndexQueryBuilder().withId(entry.id()).withObject(altered).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));

            assertThat(retention.prune(Instant.now().plusSeconds(60))).isZero();

            assertThat(operations.get(entry.id(), AuditEvent.class)).isEqualTo(altered);
            JsonNode verification = verification();
            assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(entry.sequence());
        } finally {
            direct.index(new IndexQueryBuilder().withId(entry.id()).withObject(entry).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    private JsonNode verification() {
        return Json.parse(admin.get("/api/v1/audit/verification").body());
    }
}
