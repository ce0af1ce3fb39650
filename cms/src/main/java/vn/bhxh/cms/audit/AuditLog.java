package vn.bhxh.cms.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.json.JsonData;

/** Appends to and reads the audit trail. */
@Service
public class AuditLog {

    private final ElasticsearchOperations operations;
    private final AuditChain chain;
    private final Clock clock;

    /**
     * Entries are written without waiting for a refresh (every change writes one, and nobody waits for it);
     * reading the trail, which is rare, refreshes first so that it never misses an entry just written.
     */
    public AuditLog(ElasticsearchOperations operations, AuditChain chain, Clock clock) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.chain = chain;
        this.clock = clock;
    }


    public AuditEvent record(String actor, AuditAction action, String productId, String language, String fromState,
            String toState, String comment, String details) {
        return write(actor, action.name(), productId, language, fromState, toState, comment, details);
    }

    /**
     * A refusal that matters for security (four eyes, scope, someone else's file, a blocked sign-in): recorded as
     * {@code REFUSED:<reason>} so an administrator sees attempts, not only what succeeded.
     */
    public void refused(String actor, String reason, String productId, String language, String details) {
        write(actor, "REFUSED:" + reason, productId, language, null, null, null, details);
    }

    /**
     * An entry made now (its time is now) to record later with {@link #recordAll}, with other entries, when the changes
     * it reports are written in bulk.
     */
    public AuditEvent prepare(String actor, AuditAction action, String productId, String language, String fromState,
            String toState, String comment, String details) {
        return unlinked(actor, action.name(), productId, language, fromState, toState, comment, details);
    }

    /** Appends prepared entries to the trail in their order, one behind the other. */
    public void recordAll(List<AuditEvent> prepared) {
        chain.appendAll(prepared);
    }

    private AuditEvent write(String actor, String action, String productId, String language, String fromState,
            String toState, String comment, String details) {
        return chain.append(unlinked(actor, action, productId, language, fromState, toState, comment, details));
    }

    private AuditEvent unlinked(String actor, String action, String productId, String language, String fromState,
            String toState, String comment, String details) {
        // Milliseconds, as the index stores them: the hash is computed over what a later read gives back.
        return new AuditEvent(null, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, action, productId, language,
                fromState, toState, comment, details, null, null, null);
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
                .withPageable(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at", "sequence")))
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
