package vn.bhxh.cms.product;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.query.Query;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Reads and writes products in Elasticsearch, the system of record. */
@Service
public class ProductStore {

    private final ElasticsearchOperations operations;
    private final ElasticsearchOperations waitingForRefresh;
    private final IndexInitializer indices;
    private final Clock clock;

    public ProductStore(ElasticsearchOperations operations, IndexInitializer indices, Clock clock) {
        this.operations = operations;
        // The author reads their own write right after it: wait for the refresh instead of forcing one.
        this.waitingForRefresh = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
        this.clock = clock;
    }

    public Product create(ProductType type, String title, String summary) {
        indices.requireReady();
        Product product = new Product();
        product.setId(UUID.randomUUID().toString());
        product.setType(type);
        product.setTitle(title);
        product.setSummary(summary);
        Instant now = clock.instant();
        product.setCreatedAt(now);
        product.setUpdatedAt(now);
        return waitingForRefresh.save(product);
    }

    public Optional<Product> find(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, Product.class));
    }

    public List<Product> list(int page, int size) {
        indices.requireReady();
        Query query = Query.findAll().setPageable(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "updatedAt")));
        return operations.search(query, Product.class).stream().map(SearchHit::getContent).toList();
    }
}
