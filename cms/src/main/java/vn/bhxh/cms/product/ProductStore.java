package vn.bhxh.cms.product;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.BulkFailureException;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.MultiGetItem;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Products, variants and their versions in Elasticsearch, the system of record. Writes wait for the refresh
 * (the author reads their own write next) and are conditional on the seq_no/primary_term they were read at.
 */
@Service
public class ProductStore {

    static final int MAX_VARIANTS = 100;
    static final int MAX_VERSIONS = 1000;

    private final ElasticsearchOperations operations;
    private final ElasticsearchOperations withoutWaiting;
    private final IndexInitializer indices;

    public ProductStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        // Products and versions are read by id (real-time in Elasticsearch) or listed after an explicit refresh:
        // their writes need not wait. Variants are what search and listings show, so their writes wait.
        this.withoutWaiting = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.indices = indices;
    }

    public Optional<Product> product(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, Product.class));
    }

    public Optional<Variant> variant(String productId, String language) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(Variant.id(productId, language), Variant.class));
    }

    public List<Variant> variants(String productId) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.term(t -> t.field("productId").value(productId)))
                .withPageable(PageRequest.of(0, MAX_VARIANTS, Sort.by("language")))
                .build();
        return operations.search(query, Variant.class).stream().map(SearchHit::getContent).toList();
    }

    /**
     * The Vietnamese source's title of each product that has one, by product id, in one request: a translation not yet
     * written has no title of its own, and lists name it by its source's.
     */
    public Map<String, String> sourceTitles(Collection<String> productIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        List<String> ids = productIds.stream().distinct().map(id -> Variant.id(id, Variant.SOURCE_LANGUAGE)).toList();
        if (ids.isEmpty()) {
            return titles;
        }
        indices.requireReady();
        for (MultiGetItem<Variant> item : operations.multiGet(NativeQuery.builder().withIds(ids).build(), Variant.class)) {
            if (item.hasItem() && item.getItem().content() != null && item.getItem().content().hasTitle()) {
                titles.put(item.getItem().productId(), item.getItem().content().title());
            }
        }
        return titles;
    }

    /** The most recently changed variants matching every filter, at most {@code limit} (work lists and queues). */
    public List<Variant> newestVariants(List<Query> filters, int limit) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b.filter(filters)))
                .withPageable(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "updatedAt"))).build();
        return operations.search(query, Variant.class).stream().map(SearchHit::getContent).toList();
    }

    /** Saves a product; with a version set, only if the stored one is still at that version. */
    public Product save(Product product) {
        return withoutWaiting.save(product);
    }

    public Variant save(Variant variant) {
        return operations.save(variant);
    }

    /** Creates a document that must not exist yet (a new product, a new variant): never overwrites. */
    public <T> void create(String id, T document, Class<T> type) {
        IndexQuery query = new IndexQueryBuilder().withId(id).withObject(document).withOpType(IndexQuery.OpType.CREATE).build();
        (type == Variant.class ? operations : withoutWaiting).index(query, operations.getIndexCoordinatesFor(type));
    }

    public void saveVersion(VariantVersion version) {
        IndexQuery query = new IndexQueryBuilder().withId(version.id()).withObject(version)
                .withOpType(IndexQuery.OpType.CREATE).build();
        withoutWaiting.index(query, IndexCoordinates.of("variant-versions"));
    }

    /**
     * Creates products, variants and versions in one bulk request, each only if no document with its id exists; returns
     * the ids of those that did exist (left as they were). Search sees them after {@link #refresh()}.
     */
    Set<String> createAllAbsent(List<Product> products, List<Variant> variants, List<VariantVersion> versions) {
        indices.requireReady();
        List<IndexQuery> creates = new ArrayList<>();
        products.forEach(p -> creates.add(createQuery(p.id(), p, Product.class)));
        variants.forEach(v -> creates.add(createQuery(v.id(), v, Variant.class)));
        versions.forEach(v -> creates.add(createQuery(v.id(), v, VariantVersion.class)));
        if (creates.isEmpty()) {
            return Set.of();
        }
        try {
            withoutWaiting.bulkIndex(creates, operations.getIndexCoordinatesFor(Product.class));
            return Set.of();
        } catch (BulkFailureException e) {
            Set<String> existing = new HashSet<>();
            e.getFailedDocuments().forEach((id, failure) -> {
                if (!Integer.valueOf(409).equals(failure.status())) {
                    throw new IllegalStateException("Bulk create of " + id + " failed: " + failure.errorMessage(), e);
                }
                existing.add(id);
            });
            return existing;
        }
    }

    /** Makes what was written without waiting visible to search now (after bulk loading). */
    void refresh() {
        operations.indexOps(Product.class).refresh();
        operations.indexOps(Variant.class).refresh();
        operations.indexOps(VariantVersion.class).refresh();
    }

    private <T> IndexQuery createQuery(String id, T document, Class<T> type) {
        return new IndexQueryBuilder().withId(id).withObject(document).withOpType(IndexQuery.OpType.CREATE)
                .withIndex(operations.getIndexCoordinatesFor(type).getIndexName()).build();
    }

    public Optional<VariantVersion> version(String variantId, int revision) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(VariantVersion.id(variantId, revision), VariantVersion.class));
    }

    public List<VariantVersion> versions(String variantId) {
        indices.requireReady();
        // Versions are written without waiting for a refresh; listing them is rare enough to refresh first.
        operations.indexOps(VariantVersion.class).refresh();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.term(t -> t.field("variantId").value(variantId)))
                .withPageable(PageRequest.of(0, MAX_VERSIONS, Sort.by(Sort.Direction.DESC, "revision")))
                .build();
        return operations.search(query, VariantVersion.class).stream().map(SearchHit::getContent).toList();
    }

    public long countProducts() {
        indices.requireReady();
        return operations.count(NativeQuery.builder().withQuery(QueryBuilders.matchAll(m -> m)).build(), Product.class);
    }

}
