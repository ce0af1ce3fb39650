package vn.bhxh.cms.product;

import static vn.bhxh.cms.security.Role.ADMIN;
import static vn.bhxh.cms.security.Role.APPROVER;
import static vn.bhxh.cms.security.Role.CONNECTOR;
import static vn.bhxh.cms.security.Role.EDITOR;
import static vn.bhxh.cms.security.Role.PROVINCIAL_STAFF;
import static vn.bhxh.cms.security.Role.REVIEWER;
import static vn.bhxh.cms.security.Role.TRANSLATOR;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * Who may read and do what with products and their files: the one place read access is decided, for the API, the
 * pages, search and lists, file downloads and the public media route. Enforced on the server for every call; the read
 * rules are also expressed as an Elasticsearch filter so that search and lists never find what the caller may not read.
 */
@Component
public class ProductAccess {

    /** Roles that read every product and file in every state. */
    private static final Set<Role> EVERYTHING = Set.of(ADMIN, EDITOR, REVIEWER, APPROVER);

    /**
     * Whether the actor may read the variant. Who works on products (administrators, editors, reviewers, approvers; a
     * translator on the source and their languages; provincial staff on the local variants of their province that they
     * wrote) reads them in any state; every other reader only what is released now: national products, and local ones
     * of their own province.
     */
    public boolean canRead(Actor actor, Variant variant) {
        return worksOn(actor, variant) || (variant.state().isReleased() && readsReleased(actor, variant.product()));
    }

    /** The same rules as {@link #canRead}, as a filter on the variants index. */
    public Query readFilter(Actor actor) {
        if (actor.hasAny(EVERYTHING)) {
            return QueryBuilders.matchAll(m -> m);
        }
        List<Query> anyOf = new ArrayList<>();
        if (actor.has(TRANSLATOR)) {
            List<FieldValue> languages = new ArrayList<>(actor.scopes().languages().stream().map(FieldValue::of).toList());
            languages.add(FieldValue.of(Variant.SOURCE_LANGUAGE));
            anyOf.add(QueryBuilders.terms(t -> t.field("language").terms(v -> v.value(languages))));
        }
        Query released = releasedFilter();
        if (actor.has(CONNECTOR)) {
            anyOf.add(released);
        }
        if (actor.has(PROVINCIAL_STAFF)) {
            Query national = QueryBuilders.term(t -> t.field("product.scope").value(Scope.NATIONAL.name()));
            String province = actor.scopes().province();
            if (province == null) {
                anyOf.add(QueryBuilders.bool(b -> b.filter(released, national)));
            } else {
                Query ownLocal = QueryBuilders.bool(b -> b
                        .filter(QueryBuilders.term(t -> t.field("product.scope").value(Scope.LOCAL.name())))
                        .filter(QueryBuilders.term(t -> t.field("product.province").value(province))));
                anyOf.add(QueryBuilders.bool(b -> b.filter(released)
                        .filter(QueryBuilders.bool(o -> o.should(national, ownLocal).minimumShouldMatch("1")))));
                anyOf.add(QueryBuilders.bool(b -> b.filter(ownLocal)
                        .filter(QueryBuilders.term(t -> t.field("editors").value(actor.username())))));
            }
        }
        if (anyOf.isEmpty()) {
            return QueryBuilders.bool(b -> b.mustNot(QueryBuilders.matchAll(m -> m)));
        }
        return QueryBuilders.bool(b -> b.should(anyOf).minimumShouldMatch("1"));
    }

    /** Variants released now ({@link WorkflowState#RELEASED}), as a filter on the variants index. */
    public static Query releasedFilter() {
        return QueryBuilders.terms(t -> t.field("state")
                .terms(v -> v.value(WorkflowState.RELEASED.stream().map(s -> FieldValue.of(s.name())).toList())));
    }

    /**
     * Whether the actor may fetch a stored file (its record, bytes, previews, renditions, a bundle of it): they may read a
     * variant that lists it, or they uploaded it and no variant lists it yet. Those who read every product read every file.
     *
     * @param listing the variants that list the file now
     */
    public boolean canReadFile(Actor actor, Asset asset, List<Variant> listing) {
        if (actor.hasAny(EVERYTHING)) {
            return true;
        }
        if (listing.isEmpty()) {
            return actor.username().equals(asset.uploadedBy());
        }
        return listing.stream().anyMatch(variant -> canRead(actor, variant));
    }

    /**
     * Whether a file may go out without a login (channels, portals, the app): a variant released now lists it, and it
     * passed inspection.
     */
    public boolean isPublicFile(Asset asset, List<Variant> listing) {
        return !asset.inspectionFailed() && listing.stream().anyMatch(variant -> variant.state().isReleased());
    }

    public void requireCreate(Actor actor, ProductInfo info) {
        if (actor.hasAny(ADMIN, EDITOR) && info.scope() == Scope.NATIONAL) {
            return;
        }
        if (info.scope() == Scope.LOCAL && (actor.hasAny(ADMIN, EDITOR) || ownLocal(actor, info))) {
            return;
        }
        throw new ForbiddenException("forbidden-create");
    }

    public void requireEditInfo(Actor actor, ProductInfo current, ProductInfo changed) {
        requireCreate(actor, current);
        requireCreate(actor, changed);
    }

    public void requireEditContent(Actor actor, Variant variant) {
        if (!canEditContent(actor, variant)) {
            throw new ForbiddenException("forbidden-edit", variant.language());
        }
    }

    public void requireRequestTranslation(Actor actor, ProductInfo info) {
        if (actor.hasAny(ADMIN, EDITOR) || ownLocal(actor, info)) {
            return;
        }
        throw new ForbiddenException("forbidden-edit", "*");
    }

    public void requireConfirmSource(Actor actor) {
        if (!actor.hasAny(APPROVER)) {
            throw new ForbiddenException("forbidden-action", "CONFIRM_SOURCE");
        }
    }

    public void requireTransition(Actor actor, Variant variant, WorkflowAction action) {
        boolean allowed = switch (action) {
            case SUBMIT -> canEditContent(actor, variant);
            case REVIEW -> canReview(actor, variant);
            case APPROVE -> actor.has(APPROVER);
            case REJECT -> variant.state() == WorkflowState.IN_REVIEW ? canReview(actor, variant) : actor.has(APPROVER);
            case PUBLISH -> actor.hasAny(ADMIN, EDITOR, CONNECTOR) || ownLocal(actor, variant.product());
            case WITHDRAW -> actor.hasAny(ADMIN, APPROVER);
            case ARCHIVE -> actor.hasAny(ADMIN, EDITOR, APPROVER) || ownLocal(actor, variant.product());
        };
        if (!allowed) {
            throw new ForbiddenException("forbidden-action", action.name());
        }
        // Four eyes: nobody reviews, approves or rejects what they wrote, whatever their roles.
        boolean judging = action == WorkflowAction.REVIEW || action == WorkflowAction.APPROVE || action == WorkflowAction.REJECT;
        if (judging && variant.editedBy(actor.username())) {
            throw new ForbiddenException("four-eyes");
        }
        // Three people per revision: whoever reviewed it (specialist or language reviewer) does not also approve it.
        if (action == WorkflowAction.APPROVE && actor.username().equals(variant.reviewedBy())) {
            throw new ForbiddenException("four-eyes-reviewer");
        }
    }

    /**
     * Whether the actor may take this step now: the state allows it and {@link #requireTransition} would pass
     * (pages show only the buttons that will work; the service checks again when pressed).
     */
    public boolean allows(Actor actor, Variant variant, WorkflowAction action) {
        if (!action.allowedFrom(variant.state())) {
            return false;
        }
        try {
            requireTransition(actor, variant, action);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    public boolean canEdit(Actor actor, Variant variant) {
        return canEditContent(actor, variant);
    }

    private boolean canEditContent(Actor actor, Variant variant) {
        if (!variant.isSource()) {
            // Translations: translators of that language, or the product's owners.
            return (actor.has(TRANSLATOR) && actor.scopes().languages().contains(variant.language()))
                    || actor.hasAny(ADMIN, EDITOR) || ownLocal(actor, variant.product());
        }
        return actor.hasAny(ADMIN, EDITOR) || ownLocal(actor, variant.product());
    }

    /**
     * Specialist review: for the Vietnamese source, a reviewer of one of the product's topics or of the department
     * that owns it (a reviewer with neither reviews all); for a translation, a reviewer or translator scoped to that
     * language.
     */
    private boolean canReview(Actor actor, Variant variant) {
        if (!variant.isSource()) {
            return actor.hasAny(REVIEWER, TRANSLATOR) && actor.scopes().languages().contains(variant.language());
        }
        if (!actor.has(REVIEWER)) {
            return false;
        }
        Set<String> topics = actor.scopes().topics();
        Set<String> departments = actor.scopes().departments();
        if (topics.isEmpty() && departments.isEmpty()) {
            return true;
        }
        // A department (Ban Thu, Ban CSXH, …) reviews the products its unit owns; a topic reviewer those of its fields.
        // A product without an owning unit is nobody's by department (and Set.of(...).contains(null) would throw).
        String owner = variant.product().ownerUnit();
        return !Collections.disjoint(topics, variant.product().topics()) || (owner != null && departments.contains(owner));
    }

    /** A working role on the variant: it may be read in any state. */
    private static boolean worksOn(Actor actor, Variant variant) {
        if (actor.hasAny(EVERYTHING)) {
            return true;
        }
        if (actor.has(TRANSLATOR) && (variant.isSource() || actor.scopes().languages().contains(variant.language()))) {
            return true;
        }
        return ownLocal(actor, variant.product()) && variant.editedBy(actor.username());
    }

    /** Who reads released variants: connectors all of them, provincial staff the national ones and their province's. */
    private static boolean readsReleased(Actor actor, ProductInfo info) {
        if (actor.has(CONNECTOR)) {
            return true;
        }
        return actor.has(PROVINCIAL_STAFF) && (info.scope() == Scope.NATIONAL || ownLocal(actor, info));
    }

    private static boolean ownLocal(Actor actor, ProductInfo info) {
        return actor.has(PROVINCIAL_STAFF) && info.scope() == Scope.LOCAL && actor.scopes().province() != null
                && Objects.equals(actor.scopes().province(), info.province());
    }
}
