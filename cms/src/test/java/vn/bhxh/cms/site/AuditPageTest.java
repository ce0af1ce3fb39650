package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The administrators' page of the audit chain says, in a sentence, whether it is intact and where it first breaks. */
@CmsIntegrationTest
class AuditPageTest {

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchOperations operations;

    @Autowired
    AuditLog audit;

    @Autowired
    IndexInitializer indices;

    @Test
    void theVerificationPageNamesTheFirstEntryThatBreaksTheChain() {
        Await.until(indices::isReady, Duration.ofSeconds(120), "indices created");
        WebClient admin = new WebClient(port);
        admin.login(CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        AuditEvent original = audit.record("kiem-thu", AuditAction.REFERENCE_SAVED, null, null, null, null, "trang kiểm tra", null);
        assertThat(admin.get("/admin/audit").body()).contains("Chuỗi nhật ký nguyên vẹn");
        assertThat(new WebClient(port).get("/admin/audit").statusCode()).isEqualTo(302);

        ElasticsearchOperations direct = operations.withRefreshPolicy(RefreshPolicy.IMMEDIATE);
        try {
            AuditEvent altered = new AuditEvent(original.id(), original.at(), "ke-gian", original.action(), null, null, null, null,
                    "đã bị sửa", null, original.sequence(), original.previousHash(), original.hash());
            direct.index(new IndexQueryBuilder().withId(original.id()).withObject(altered).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));
            assertThat(admin.get("/admin/audit").body()).contains("Chuỗi nhật ký bị phá vỡ tại mục số " + original.sequence(),
                    "nó đã bị sửa");
        } finally {
            direct.index(new IndexQueryBuilder().withId(original.id()).withObject(original).build(),
                    direct.getIndexCoordinatesFor(AuditEvent.class));
        }
    }
}
