package vn.bhxh.cms.report;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The loudspeaker broadcast log. */
@Service
class BroadcastStore {

    /** One read covers at most a year of one province or a week of all: enough entries for either. */
    static final int MAX_ENTRIES = 10_000;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    BroadcastStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    void saveAll(Collection<Broadcast> broadcasts) {
        indices.requireReady();
        operations.save(broadcasts);
    }

    /** Entries from {@code from} to {@code to} (both inclusive), of one province or (null) of all. */
    List<Broadcast> between(String province, LocalDate from, LocalDate to) {
        indices.requireReady();
        List<Query> filters = new ArrayList<>();
        if (province != null) {
            filters.add(QueryBuilders.term(t -> t.field("province").value(province)));
        }
        filters.add(QueryBuilders.range(r -> r.untyped(u -> u.field("date").gte(JsonData.of(from.toString()))
                .lte(JsonData.of(to.toString())))));
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filters)))
                .withPageable(PageRequest.of(0, MAX_ENTRIES, Sort.by("date", "commune"))).build();
        return operations.search(query, Broadcast.class).stream().map(SearchHit::getContent).toList();
    }
}
