package vn.bhxh.cms.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregation;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregations;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.client.elc.NativeQueryBuilder;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.MultiGetItem;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.SearchHits;
import org.springframework.data.elasticsearch.core.TotalHitsRelation;
import org.springframework.data.elasticsearch.core.query.HighlightQuery;
import org.springframework.data.elasticsearch.core.query.highlight.Highlight;
import org.springframework.data.elasticsearch.core.query.highlight.HighlightField;
import org.springframework.data.elasticsearch.core.query.highlight.HighlightParameters;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.product.Folding;
import vn.bhxh.cms.product.ProductAccess;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;

/**
 * Full-text search over all variants with facets. Text typed with diacritics matches the original fields
 * (ranked higher) and the folded copies; text without diacritics matches the folded copies.
 */
@Service
public class SearchService {

    /** Facet name → field of the variants index. */
    static final Map<String, String> FACETS = facets();
    static final int FACET_SIZE = 50;
    static final int MAX_EXACT_TOTAL = 10_000;

    private final ElasticsearchOperations operations;
    private final ProductAccess access;
    private final IndexInitializer indices;
    private final Timer searches;

    public SearchService(ElasticsearchOperations operations, ProductAccess access, IndexInitializer indices, MeterRegistry meters) {
        this.operations = operations;
        this.access = access;
        this.indices = indices;
        // bhxh_search_seconds_count/_sum/_max in Prometheus: searches (API and catalogue) and their time, refused ones included.
        this.searches = Timer.builder("bhxh.search").description("Searches of the catalogue and the API").register(meters);
    }

    public SearchResult search(Actor actor, SearchRequest request) {
        return searches.record(() -> searchTimed(actor, request));
    }

    private SearchResult searchTimed(Actor actor, SearchRequest request) {
        indices.requireReady();
        List<Query> filters = new ArrayList<>();
        filters.add(access.readFilter(actor));
        request.filters().forEach((facet, value) -> {
            if (value != null && !value.isBlank() && FACETS.containsKey(facet)) {
                filters.add(QueryBuilders.term(t -> t.field(FACETS.get(facet)).value(value)));
            }
        });
        Query text = request.q() == null || request.q().isBlank()
                ? QueryBuilders.matchAll(m -> m)
                : QueryBuilders.bool(b -> b
                        // Every word must occur somewhere in the variant (cross_fields treats its fields as one text):
                        // precise for people, and it keeps the matched set, and so the facet counting, small.
                        .should(QueryBuilders.multiMatch(m -> m.query(request.q()).type(TextQueryType.CrossFields)
                                .operator(Operator.And).fields("content.title^6", "content.summary^3", "search.body^2")))
                        .should(QueryBuilders.multiMatch(m -> m.query(Folding.fold(request.q())).type(TextQueryType.CrossFields)
                                .operator(Operator.And)
                                .fields("search.titleFolded^3", "search.summaryFolded^1.5", "search.bodyFolded", "search.assetText")))
                        .minimumShouldMatch("1"));
        NativeQueryBuilder builder = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> b.must(text).filter(filters)))
                .withPageable(PageRequest.of(request.page(), request.size(), sort(request.sort())))
                .withHighlightQuery(new HighlightQuery(new Highlight(HighlightParameters.builder()
                        .withPreTags("<mark>").withPostTags("</mark>").withNumberOfFragments(2).build(),
                        List.of(new HighlightField("content.title"), new HighlightField("content.summary"),
                                new HighlightField("search.body"), new HighlightField("search.titleFolded"),
                                new HighlightField("search.bodyFolded"))), Variant.class))
                // Exact totals up to 10,000 (Elasticsearch's default); beyond that the count is a lower bound.
                .withTrackTotalHitsUpTo(MAX_EXACT_TOTAL);
        FACETS.forEach((facet, field) -> builder.withAggregation(facet,
                Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
        SearchHits<Variant> hits = operations.search(builder.build(), Variant.class);
        Map<String, String> sourceTitles = sourceTitles(hits);
        return new SearchResult(hits.getTotalHits(), hits.getTotalHitsRelation() != TotalHitsRelation.EQUAL_TO,
                hits.getSearchHits().stream().map(hit -> hit(hit, sourceTitles.get(hit.getContent().productId()))).toList(),
                facetCounts(hits));
    }

    private static Sort sort(String sort) {
        return switch (sort == null ? "relevance" : sort) {
            case "newest" -> Sort.by(Sort.Direction.DESC, "updatedAt");
            case "oldest" -> Sort.by(Sort.Direction.ASC, "updatedAt");
            default -> Sort.unsorted();
        };
    }

    private static SearchResult.Hit hit(SearchHit<Variant> hit, String sourceTitle) {
        Variant v = hit.getContent();
        Map<String, List<String>> highlights = new LinkedHashMap<>(hit.getHighlightFields());
        return new SearchResult.Hit(v.productId(), v.language(), v.content().title(), v.isSource() ? null : sourceTitle,
                v.content().summary(), v.state(), v.product().type(), v.outdated(), v.updatedAt(), hit.getScore(), highlights);
    }

    /**
     * The Vietnamese titles of the translations' products (product id → title), read in one request: a translation not
     * yet written has no title of its own, and even a written one is easier to recognise by its source's title.
     */
    private Map<String, String> sourceTitles(SearchHits<Variant> hits) {
        List<String> ids = hits.getSearchHits().stream().map(SearchHit::getContent).filter(v -> !v.isSource())
                .map(v -> Variant.id(v.productId(), Variant.SOURCE_LANGUAGE)).distinct().toList();
        Map<String, String> titles = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        for (MultiGetItem<Variant> item : operations.multiGet(NativeQuery.builder().withIds(ids).build(), Variant.class)) {
            if (item.hasItem() && item.getItem().content() != null && item.getItem().content().title() != null) {
                titles.put(item.getItem().productId(), item.getItem().content().title());
            }
        }
        return titles;
    }

    private static Map<String, Map<String, Long>> facetCounts(SearchHits<Variant> hits) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        if (!(hits.getAggregations() instanceof ElasticsearchAggregations aggregations)) {
            return facets;
        }
        for (ElasticsearchAggregation aggregation : aggregations.aggregations()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            var terms = aggregation.aggregation().getAggregate();
            if (terms.isSterms()) {
                for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.docCount());
                }
            }
            facets.put(aggregation.aggregation().getName(), counts);
        }
        return facets;
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("type", "product.type");
        facets.put("topic", "product.topics");
        facets.put("audience", "product.audiences");
        facets.put("campaign", "product.campaign");
        facets.put("language", "language");
        facets.put("state", "state");
        facets.put("scope", "product.scope");
        facets.put("province", "product.province");
        facets.put("unit", "product.ownerUnit");
        return facets;
    }

    /** Most products one province releases in a reporting period; more are not listed (the count stays exact). */
    static final int MAX_RELEASED_LOCAL = 1000;

    /**
     * The Vietnamese variants of a province's own (local) products that are approved or published and were last changed
     * in [from, to): the province's "products issued" in its communication reports.
     */
    public List<Variant> releasedLocal(Actor actor, String province, Instant from, Instant to) {
        indices.requireReady();
        List<Query> filters = new ArrayList<>(released(actor, from, to));
        filters.add(QueryBuilders.term(t -> t.field("product.scope").value("LOCAL")));
        filters.add(QueryBuilders.term(t -> t.field("product.province").value(province)));
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filters)))
                .withPageable(PageRequest.of(0, MAX_RELEASED_LOCAL, Sort.by("updatedAt"))).build();
        return operations.search(query, Variant.class).stream().map(SearchHit::getContent).toList();
    }

    /** How many products of a type (national and local) were approved or published in [from, to): the plan's yearly targets. */
    public long countReleased(Actor actor, ProductType type, Instant from, Instant to) {
        indices.requireReady();
        List<Query> filters = new ArrayList<>(released(actor, from, to));
        filters.add(QueryBuilders.term(t -> t.field("product.type").value(type.name())));
        return operations.count(NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filters))).build(), Variant.class);
    }

    /** Vietnamese variants the actor may read, approved or published, last changed in [from, to). */
    private List<Query> released(Actor actor, Instant from, Instant to) {
        return List.of(access.readFilter(actor),
                QueryBuilders.term(t -> t.field("language").value(Variant.SOURCE_LANGUAGE)),
                ProductAccess.releasedFilter(),
                QueryBuilders.range(r -> r.untyped(u -> u.field("updatedAt").format("strict_date_optional_time")
                        .gte(JsonData.of(from.toString()))
                        .lt(JsonData.of(to.toString())))));
    }
}
