package vn.bhxh.cms.product;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.FieldCollapse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * The workflow steps of variants in Elasticsearch. A step is written after the variant's change is saved and waits
 * for the refresh (the person who took it sees it on the page they return to); recording it also announces it
 * ({@link WorkflowStepTaken}) to whoever must be told, such as the e-mail notifications.
 */
@Service
public class WorkflowSteps {

    /** Steps one variant's history shows at most (newest first): far more than a variant ever goes through. */
    public static final int MAX_STEPS = 500;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;
    private final ApplicationEventPublisher events;

    WorkflowSteps(ElasticsearchOperations operations, IndexInitializer indices, ApplicationEventPublisher events) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
        this.events = events;
    }

    void record(WorkflowStep step, Variant variant) {
        operations.save(step);
        events.publishEvent(new WorkflowStepTaken(step, variant));
    }

    /** A variant's steps, newest first. */
    List<WorkflowStep> of(String variantId) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("variantId").value(variantId)))
                .withPageable(PageRequest.of(0, MAX_STEPS, Sort.by(Sort.Direction.DESC, "at"))).build();
        return operations.search(query, WorkflowStep.class).stream().map(SearchHit::getContent).toList();
    }

    /** The newest step of each of these variants that has any, by variant id (one search, collapsed on the variant). */
    Map<String, WorkflowStep> latest(Collection<String> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        indices.requireReady();
        List<FieldValue> ids = variantIds.stream().map(FieldValue::of).toList();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.terms(t -> t.field("variantId").terms(v -> v.value(ids))))
                .withFieldCollapse(FieldCollapse.of(c -> c.field("variantId")))
                .withPageable(PageRequest.of(0, variantIds.size(), Sort.by(Sort.Direction.DESC, "at"))).build();
        return operations.search(query, WorkflowStep.class).stream().map(SearchHit::getContent)
                .collect(Collectors.toMap(WorkflowStep::variantId, Function.identity(), (a, b) -> a));
    }
}
