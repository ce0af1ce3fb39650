package vn.bhxh.cms.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/** The review and read rules on their own (the HTTP matrix and ReadAccessTest cover the roles end to end). */
class ProductAccessTest {

    private final ProductAccess access = new ProductAccess();

    @Test
    void reviewersAreScopedByTopicOrByTheDepartmentThatOwnsTheProduct() {
        Variant leaflet = variant("vi", Set.of("VOLUNTARY_SI"), "BAN-THU");

        assertThatCode(() -> access.requireTransition(reviewer(Set.of(), Set.of()), leaflet, WorkflowAction.REVIEW))
                .doesNotThrowAnyException();
        assertThatCode(() -> access.requireTransition(reviewer(Set.of("VOLUNTARY_SI"), Set.of()), leaflet, WorkflowAction.REVIEW))
                .doesNotThrowAnyException();
        assertThatCode(() -> access.requireTransition(reviewer(Set.of(), Set.of("BAN-THU")), leaflet, WorkflowAction.REVIEW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> access.requireTransition(reviewer(Set.of("STUDENT_HI"), Set.of("BAN-CSYT")), leaflet,
                WorkflowAction.REVIEW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aProductWithoutAnOwningUnitIsRefusedToAnotherTopicsReviewerRatherThanFailing() {
        Variant unowned = variant("vi", Set.of("VOLUNTARY_SI"), null);

        assertThatThrownBy(() -> access.requireTransition(reviewer(Set.of("STUDENT_HI"), Set.of()), unowned, WorkflowAction.REVIEW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(access.allows(reviewer(Set.of("STUDENT_HI"), Set.of("BAN-THU")), unowned, WorkflowAction.REVIEW)).isFalse();
        assertThat(access.allows(reviewer(Set.of("VOLUNTARY_SI"), Set.of()), unowned, WorkflowAction.REVIEW)).isTrue();
    }

    @Test
    void aTranslationNeedsALanguageSpecialistWhoDidNotWriteIt() {
        Variant tay = variant("tyz", Set.of("VOLUNTARY_SI"), "BAN-THU");
        Actor tayReviewer = new Actor("kiem-tay", Set.of(Role.TRANSLATOR), new Scopes(null, null, Set.of("tyz"), null, null));
        Actor khmerReviewer = new Actor("kiem-khmer", Set.of(Role.REVIEWER), new Scopes(null, null, Set.of("km"), null, null));
        Actor author = new Actor("dich-tay", Set.of(Role.TRANSLATOR), new Scopes(null, null, Set.of("tyz"), null, null));

        assertThatCode(() -> access.requireTransition(tayReviewer, tay, WorkflowAction.REVIEW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.requireTransition(khmerReviewer, tay, WorkflowAction.REVIEW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> access.requireTransition(author, tay, WorkflowAction.REVIEW))
                .isInstanceOf(ForbiddenException.class).hasMessage("four-eyes");
    }

    @Test
    void authorReviewerAndApproverOfOneRevisionAreThreeDifferentPeople() {
        Actor both = new Actor("tham-dinh-va-duyet", Set.of(Role.REVIEWER, Role.APPROVER), Scopes.NONE);
        Actor approver = new Actor("lanh-dao", Set.of(Role.APPROVER), Scopes.NONE);
        Variant reviewed = variant("vi", Set.of("VOLUNTARY_SI"), "BAN-THU")
                .withState(WorkflowState.REVIEWED, "tham-dinh-va-duyet", null, Instant.EPOCH);

        assertThatThrownBy(() -> access.requireTransition(both, reviewed, WorkflowAction.APPROVE))
                .isInstanceOf(ForbiddenException.class).hasMessage("four-eyes-reviewer");
        assertThat(access.allows(both, reviewed, WorkflowAction.APPROVE)).isFalse();
        assertThatCode(() -> access.requireTransition(approver, reviewed, WorkflowAction.APPROVE)).doesNotThrowAnyException();
    }

    @Test
    void theLanguageReviewerOfATranslationDoesNotApproveItEither() {
        Actor tayReviewerAndApprover = new Actor("kiem-duyet-tay", Set.of(Role.TRANSLATOR, Role.APPROVER),
                new Scopes(null, null, Set.of("tyz"), null, null));
        Variant reviewed = variant("tyz", Set.of("VOLUNTARY_SI"), "BAN-THU")
                .withState(WorkflowState.REVIEWED, "kiem-duyet-tay", null, Instant.EPOCH);
        Variant reviewedByAnother = reviewed.withState(WorkflowState.REVIEWED, "kiem-tay", null, Instant.EPOCH);

        assertThatThrownBy(() -> access.requireTransition(tayReviewerAndApprover, reviewed, WorkflowAction.APPROVE))
                .isInstanceOf(ForbiddenException.class).hasMessage("four-eyes-reviewer");
        assertThatCode(() -> access.requireTransition(tayReviewerAndApprover, reviewedByAnother, WorkflowAction.APPROVE))
                .doesNotThrowAnyException();
    }

    @Test
    void provincialStaffReadWhatIsReleasedNowNationallyAndInTheirProvinceAndTheirOwnLocalWork() {
        Actor caoBang = new Actor("tinh-cb", Set.of(Role.PROVINCIAL_STAFF), new Scopes(null, null, null, "CB", null));
        Actor editor = new Actor("bien-tap", Set.of(Role.EDITOR), Scopes.NONE);
        for (WorkflowState state : WorkflowState.values()) {
            boolean released = state == WorkflowState.APPROVED || state == WorkflowState.PUBLISHED;
            assertThat(access.canRead(caoBang, scoped(Scope.NATIONAL, null, state, "bien-tap"))).as("national " + state).isEqualTo(released);
            assertThat(access.canRead(caoBang, scoped(Scope.LOCAL, "CB", state, "bien-tap"))).as("own local " + state).isEqualTo(released);
            assertThat(access.canRead(caoBang, scoped(Scope.LOCAL, "HN", state, "bien-tap"))).as("other local " + state).isFalse();
            assertThat(access.canRead(caoBang, scoped(Scope.LOCAL, "CB", state, "tinh-cb"))).as("own work " + state).isTrue();
            assertThat(access.canRead(editor, scoped(Scope.LOCAL, "HN", state, "bien-tap"))).as("editor " + state).isTrue();
        }
    }

    @Test
    void aFileIsReadThroughTheVariantsListingItAndIsPublicOnlyReleasedAndInspected() {
        Actor caoBang = new Actor("tinh-cb", Set.of(Role.PROVINCIAL_STAFF), new Scopes(null, null, null, "CB", null));
        Asset passed = asset("tinh-cb", "PASSED");
        Variant draft = scoped(Scope.NATIONAL, null, WorkflowState.DRAFT, "bien-tap");
        Variant approved = scoped(Scope.NATIONAL, null, WorkflowState.APPROVED, "bien-tap");

        assertThat(access.canReadFile(caoBang, passed, List.of())).as("own upload, not attached yet").isTrue();
        assertThat(access.canReadFile(caoBang, asset("khac", "PASSED"), List.of())).isFalse();
        assertThat(access.canReadFile(caoBang, passed, List.of(draft))).as("own upload in someone's draft").isFalse();
        assertThat(access.canReadFile(caoBang, passed, List.of(draft, approved))).isTrue();
        assertThat(access.isPublicFile(passed, List.of(draft))).isFalse();
        assertThat(access.isPublicFile(passed, List.of(approved))).isTrue();
        assertThat(access.isPublicFile(asset("bien-tap", "FAILED"), List.of(approved))).isFalse();
    }

    private static Variant scoped(Scope scope, String province, WorkflowState state, String author) {
        ProductInfo info = new ProductInfo(ProductType.LEAFLET, Set.of("VOLUNTARY_SI"), Set.of("3.1"), null, scope, province, null,
                Set.of(), null, null);
        return new Variant("p~vi", "p", "vi", new VariantContent("Tiêu đề", null, null, null), state, 1, null, false,
                Set.of(author), null, null, info, null, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static Asset asset(String uploader, String inspection) {
        return new Asset("a", "0".repeat(64), 10, "PNG", "image/png", "INFOGRAPHIC", "anh.png", inspection, List.of(), null, null,
                10, 10, null, null, null, null, null, null, Map.of(), List.of("p"), uploader, Instant.EPOCH);
    }

    private static Actor reviewer(Set<String> topics, Set<String> departments) {
        return new Actor("tham-dinh", Set.of(Role.REVIEWER), new Scopes(topics, departments, null, null, null));
    }

    private static Variant variant(String language, Set<String> topics, String ownerUnit) {
        ProductInfo info = new ProductInfo(ProductType.LEAFLET, topics, Set.of("3.1"), null, Scope.NATIONAL, null, ownerUnit,
                Set.of(), null, null);
        return new Variant("p~" + language, "p", language, new VariantContent("Tiêu đề", null, null, null),
                WorkflowState.IN_REVIEW, 1, 1, false, Set.of("dich-tay"), null, null, info, null, Instant.EPOCH, Instant.EPOCH, null);
    }
}
