package vn.bhxh.cms.publicpage;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregation;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregations;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHits;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Visits of the short addresses in Elasticsearch: one small document per visit, written without waiting for a
 * refresh (a visitor never waits for the index), counted by aggregation when a report asks.
 */
@Component
public class VisitStore {

    /** Most rows (day × language × source × province) one product's count answers with: a year of 27 per day. */
    static final int MAX_ROWS = 10_000;
    private static final String COUNTS = "counts";

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    VisitStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations;
        this.indices = indices;
    }

    void record(String productId, String language, LocalDate day, VisitSource source, String province, String productProvince) {
        indices.requireReady();
        operations.save(PageVisit.of(UUID.randomUUID().toString(), productId, language, day, source, province, productProvince));
    }

    /** One row per day, language, source and province with visits of the product between the two days (inclusive). */
    List<VisitCount> counts(String productId, LocalDate from, LocalDate to) {
        List<VisitCount> rows = new ArrayList<>();
        countBy("counter", Query.of(q -> q.term(t -> t.field("productId").value(productId))), from, to)
                .forEach((counter, visits) -> rows.add(VisitCount.of(counter, visits)));
        rows.sort(VisitCount.ORDER);
        return rows;
    }

    /**
     * Visits in [from, to] of links made for the province ({@code ?tinh=}) or of the province's own products, by the
     * Vietnamese name of their source ("Mã QR trên ấn phẩm in"), for its report.
     */
    public Map<String, Long> ofProvince(String province, LocalDate from, LocalDate to) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        countBy("source", Query.of(q -> q.bool(either -> either.minimumShouldMatch("1")
                .should(s -> s.term(t -> t.field("province").value(province)))
                .should(s -> s.term(t -> t.field("productProvince").value(province))))), from, to)
                .forEach((code, visits) -> bySource.merge(VisitSource.ofCode(code).vietnameseName(), visits, Long::sum));
        return bySource;
    }

    /** How many visits matching the filter between the two days (inclusive) have each value of the field. */
    private Map<String, Long> countBy(String field, Query filter, LocalDate from, LocalDate to) {
        indices.requireReady();
        // Visits are written without a refresh; a report reads the latest (rare, and cheap for one small index).
        operations.indexOps(PageVisit.class).refresh();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filter)
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("day")
                                .gte(JsonData.of(from.toString())).lte(JsonData.of(to.toString())))))))
                .withAggregation(COUNTS, Aggregation.of(a -> a.terms(t -> t.field(field).size(MAX_ROWS))))
                .withMaxResults(0).build();
        SearchHits<PageVisit> hits = operations.search(query, PageVisit.class);
        Map<String, Long> counts = new TreeMap<>();
        if (hits.getAggregations() instanceof ElasticsearchAggregations aggregations) {
            for (ElasticsearchAggregation aggregation : aggregations.aggregations()) {
                for (StringTermsBucket bucket : aggregation.aggregation().getAggregate().sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.docCount());
                }
            }
        }
        return counts;
    }
}
