package vn.bhxh.cms.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Service;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.json.JsonData;

/** Appends to and reads the audit trail. */
@Service
public class AuditLog {

    private static final IndexCoordinates INDEX = IndexCoordinates.of("audit");

    private final ElasticsearchOperations operations;
    private final Clock clock;

    /**
     * Entries are written without waiting for a refresh (every change writes one, and nobody waits for it);
     * reading the trail, which is rare, refreshes first so that it never misses an entry just written.
     */
    public AuditLog(ElasticsearchOperations operations, Clock clock) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.clock = clock;
    }


    public AuditEvent record(String actor, AuditAction action, String productId, String language, String fromState,
            String toState, String comment, String details) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), clock.instant(), actor, action.name(), productId, language,
                fromState, toState, comment, details);
        IndexQuery create = new IndexQueryBuilder().withId(event.id()).withObject(event).withOpType(IndexQuery.OpType.CREATE).build();
        operations.index(create, INDEX);
        return event;
    }

    public List<AuditEvent> search(AuditFilter filter, int page, int size) {
        operations.indexOps(AuditEvent.class).refresh();
        List<Query> must = new ArrayList<>();
        addTerm(must, "actor", filter.actor());
        addTerm(must, "action", filter.action());
        addTerm(must, "productId", filter.productId());
        addTerm(must, "language", filter.language());
        if (filter.from() != null || filter.until() != null) {
            must.add(QueryBuilders.range(r -> r.untyped(u -> {
                u.field("at");
                if (filter.from() != null) {
                    u.gte(JsonData.of(filter.from().toString()));
                }
                if (filter.until() != null) {
                    u.lt(JsonData.of(filter.until().toString()));
                }
                return u;
            })));
        }
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> b.filter(must)))
                .withPageable(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at")))
                .build();
        return operations.search(query, AuditEvent.class).stream().map(SearchHit::getContent).toList();
    }

    private static void addTerm(List<Query> must, String field, String value) {
        if (value != null && !value.isBlank()) {
            must.add(QueryBuilders.term(t -> t.field(field).value(value)));
        }
    }

    /** Criteria for reading the trail; null means "any". */
    public record AuditFilter(String actor, String action, String productId, String language, Instant from, Instant until) {
    }
}
