package vn.bhxh.cms.product;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * The work lists of the dashboard and the queues: variants in a state, always within what the user may read
 * ({@link ProductAccess#readFilter}), and for queues only those whose next step the service would let this user take
 * ({@link ProductAccess#allows}: scopes and four eyes), so a queue never offers work that would then be refused.
 */
@Service
public class WorkLists {

    /** Items one list shows at most (newest first); the page says when there are more. */
    public static final int MAX_ITEMS = 200;

    private final ProductStore store;
    private final ProductAccess access;

    WorkLists(ProductStore store, ProductAccess access) {
        this.store = store;
        this.access = access;
    }

    /** Drafts the user has written (or requested translations they are working on). */
    public List<Variant> myDrafts(Actor actor) {
        return find(actor, List.of(state(WorkflowState.DRAFT),
                QueryBuilders.term(t -> t.field("editors").value(actor.username()))));
    }

    /** What waits for this user's specialist review (in review, within their topics, departments or languages). */
    public List<Variant> awaitingReview(Actor actor) {
        return find(actor, List.of(state(WorkflowState.IN_REVIEW))).stream()
                .filter(v -> access.allows(actor, v, WorkflowAction.REVIEW)).toList();
    }

    /** What waits for this user's approval (reviewed, not written by them). */
    public List<Variant> awaitingApproval(Actor actor) {
        return find(actor, List.of(state(WorkflowState.REVIEWED))).stream()
                .filter(v -> access.allows(actor, v, WorkflowAction.APPROVE)).toList();
    }

    /** Translations in the translator's languages still to be written or brought up to date. */
    public List<Variant> toTranslate(Actor actor) {
        List<FieldValue> languages = actor.scopes().languages().stream().map(FieldValue::of).toList();
        if (languages.isEmpty()) {
            return List.of();
        }
        return find(actor, List.of(QueryBuilders.terms(t -> t.field("language").terms(v -> v.value(languages))),
                QueryBuilders.bool(b -> b.should(state(WorkflowState.DRAFT))
                        .should(QueryBuilders.term(t -> t.field("outdated").value(true))).minimumShouldMatch("1"))))
                .stream().filter(v -> access.canEdit(actor, v)).toList();
    }

    private static Query state(WorkflowState state) {
        return QueryBuilders.term(t -> t.field("state").value(state.name()));
    }

    private List<Variant> find(Actor actor, List<Query> conditions) {
        List<Query> filters = new ArrayList<>(conditions);
        filters.add(access.readFilter(actor));
        return store.newestVariants(filters, MAX_ITEMS);
    }
}
