package vn.bhxh.cms.report;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Reports in Elasticsearch. Writes wait for the refresh (lists and the centre's view read them next) and are
 * conditional on the seq_no/primary_term they were read at; a new report is created, never overwritten.
 */
@Service
class ReportStore {

    /** 34 provinces × (12 months + half-year + year) is 476 a year; a query never asks for more than a few years. */
    static final int MAX_REPORTS = 2000;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    ReportStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    Optional<Report> find(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, Report.class));
    }

    /** Creates a report that must not exist yet: a second one for the same province and period is a version conflict. */
    Report create(Report report) {
        indices.requireReady();
        IndexQuery query = new IndexQueryBuilder().withId(report.id()).withObject(report).withOpType(IndexQuery.OpType.CREATE).build();
        operations.index(query, operations.getIndexCoordinatesFor(Report.class));
        return find(report.id()).orElseThrow();
    }

    /** Saves a report only if the stored one is still at the report's seq_no/primary_term. */
    Report save(Report report) {
        return operations.save(report);
    }

    /** Saves many reports at once without conditions (the demo generator). */
    void saveAll(Collection<Report> reports) {
        operations.save(reports);
    }

    /** Reports matching the criteria; null or empty means "any". */
    List<Report> search(Collection<String> provinces, Collection<String> periods, Integer year, PeriodType type) {
        indices.requireReady();
        List<Query> filters = new ArrayList<>();
        terms(filters, "province", provinces);
        terms(filters, "period", periods);
        if (year != null) {
            filters.add(QueryBuilders.term(t -> t.field("year").value(year)));
        }
        if (type != null) {
            filters.add(QueryBuilders.term(t -> t.field("periodType").value(type.name())));
        }
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filters)))
                .withPageable(PageRequest.of(0, MAX_REPORTS, Sort.by("period", "province"))).build();
        return operations.search(query, Report.class).stream().map(SearchHit::getContent).toList();
    }

    private static void terms(List<Query> filters, String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(QueryBuilders.terms(t -> t.field(field).terms(v -> v.value(terms))));
        }
    }
}
