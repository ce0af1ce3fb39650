package vn.bhxh.cms.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.reference.ReferenceCodes;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * Products loaded many at a time (the demo data): the same steps and checks as one at a time, written once under the
 * ids given, whoever loads them again.
 */
@CmsIntegrationTest
class ProductBatchTest {

    private static final Actor EDITOR = new Actor("lo-bien-tap", Set.of(Role.EDITOR), null);
    private static final Actor REVIEWER = new Actor("lo-tham-dinh", Set.of(Role.REVIEWER), null);
    private static final Actor APPROVER = new Actor("lo-lanh-dao", Set.of(Role.APPROVER), null);
    private static final Actor ADMIN = new Actor(CmsIntegrationTest.ADMIN, Set.of(Role.ADMIN), null);

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    AuditLog audit;

    @Autowired
    IndexInitializer indices;

    @BeforeEach
    void ready() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
    }

    @Test
    void aBatchWritesEachProductOnceWithItsStateTranslationRequestsAndAuditEntriesWhoeverLoadsItAgain() {
        String marker = "lo" + UUID.randomUUID().toString().substring(0, 8);
        String published = UUID.randomUUID().toString();
        String inReview = UUID.randomUUID().toString();

        ProductBatch first = products.batch();
        stage(first, published, "Khẩu hiệu " + marker, WorkflowAction.SUBMIT, WorkflowAction.REVIEW, WorkflowAction.APPROVE,
                WorkflowAction.PUBLISH);
        first.requestTranslation(EDITOR, published, "km");
        stage(first, inReview, "Tờ gấp " + marker, WorkflowAction.SUBMIT);
        assertThat(first.write()).isEqualTo(2);

        // Another instance loading the same products (same ids, other texts) writes none of them again.
        ProductBatch again = products.batch();
        stage(again, published, "Khẩu hiệu khác " + marker, WorkflowAction.SUBMIT);
        stage(again, inReview, "Tờ gấp khác " + marker);
        assertThat(again.write()).isZero();

        Variant source = products.readVariant(ADMIN, published, Variant.SOURCE_LANGUAGE);
        assertThat(source.state()).isEqualTo(WorkflowState.PUBLISHED);
        assertThat(source.content().title()).isEqualTo("Khẩu hiệu " + marker);
        assertThat(source.editors()).containsExactly(EDITOR.username());
        assertThat(source.reviewedBy()).isEqualTo(REVIEWER.username());
        assertThat(source.approvedBy()).isEqualTo(APPROVER.username());
        assertThat(products.versions(ADMIN, published, Variant.SOURCE_LANGUAGE)).extracting(VariantVersion::revision)
                .containsExactly(1);
        Variant khmer = products.readVariant(ADMIN, published, "km");
        assertThat(khmer.state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(khmer.content().hasTitle()).isFalse();
        assertThat(khmer.sourceRevision()).isEqualTo(1);
        assertThat(products.readVariant(ADMIN, inReview, Variant.SOURCE_LANGUAGE).state()).isEqualTo(WorkflowState.IN_REVIEW);

        List<AuditEvent> trail = audit.search(new AuditLog.AuditFilter(null, null, published, null, null, null), 0, 100);
        assertThat(trail).extracting(AuditEvent::action).containsExactlyInAnyOrder(
                "PRODUCT_CREATED", "SUBMIT", "REVIEW", "APPROVE", "PUBLISH", "TRANSLATION_REQUESTED");
        assertThat(trail).filteredOn(e -> e.action().equals("APPROVE")).extracting(AuditEvent::actor)
                .containsExactly(APPROVER.username());

        // Written with a refresh: search finds both at once.
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        JsonNode found = Json.parse(admin.get("/api/v1/search?language=vi&q=" + marker).body());
        assertThat(found.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aProductWithARefusedStepIsLeftOutAndTheOthersAreWritten() {
        String refused = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        ProductBatch batch = products.batch();
        stage(batch, refused, "Tự duyệt", WorkflowAction.SUBMIT);
        // Four eyes, as one at a time: the author does not review what they wrote.
        assertThatThrownBy(() -> batch.transition(EDITOR, refused, Variant.SOURCE_LANGUAGE, WorkflowAction.REVIEW, null))
                .isInstanceOf(ForbiddenException.class);
        batch.discard(refused);
        // An unknown reference code is refused before anything is staged.
        ProductInfo unknownTopic = new ProductInfo(ProductType.SLOGAN, Set.of("KHONG_CO"), Set.of(), null, Scope.NATIONAL, null,
                null, Set.of(), null, null);
        assertThatThrownBy(() -> batch.create(EDITOR, UUID.randomUUID().toString(), unknownTopic,
                new VariantContent("Chủ đề lạ", null, null, List.of()))).isInstanceOf(ReferenceCodes.UnknownCodeException.class);
        stage(batch, kept, "Được giữ");

        assertThat(batch.write()).isEqualTo(1);
        assertThat(products.readVariant(ADMIN, kept, Variant.SOURCE_LANGUAGE).state()).isEqualTo(WorkflowState.DRAFT);
        assertThatThrownBy(() -> products.readVariant(ADMIN, refused, Variant.SOURCE_LANGUAGE))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.search(new AuditLog.AuditFilter(null, null, refused, null, null, null), 0, 10)).isEmpty();
    }

    private static void stage(ProductBatch batch, String id, String title, WorkflowAction... steps) {
        ProductInfo info = new ProductInfo(ProductType.SLOGAN, Set.of("VOLUNTARY_SI"), Set.of("3.1"), null, Scope.NATIONAL, null,
                null, Set.of(), null, null);
        batch.create(EDITOR, id, info, new VariantContent(title, null, null, List.of()));
        for (WorkflowAction step : steps) {
            Actor actor = switch (step) {
                case REVIEW -> REVIEWER;
                case APPROVE -> APPROVER;
                default -> EDITOR;
            };
            batch.transition(actor, id, Variant.SOURCE_LANGUAGE, step, null);
        }
    }
}
