package vn.bhxh.cms.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Reads and changes reference data. */
@Service
public class ReferenceData {

    /** More than any kind holds (34 provinces, 31 languages): one page lists a whole kind. */
    static final int MAX_ITEMS_PER_KIND = 500;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    public ReferenceData(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    public List<ReferenceItem> list(ReferenceKind kind) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("kind").value(kind.name())))
                .withPageable(PageRequest.of(0, MAX_ITEMS_PER_KIND, Sort.by("order", "code"))).build();
        return operations.search(query, ReferenceItem.class).stream().map(SearchHit::getContent).toList();
    }

    public Optional<ReferenceItem> find(ReferenceKind kind, String code) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(ReferenceItem.id(kind, code), ReferenceItem.class));
    }

    public ReferenceItem save(ReferenceItem item) {
        indices.requireReady();
        return operations.save(item);
    }

    public void saveAll(List<ReferenceItem> items) {
        operations.save(items);
    }

    public boolean isEmpty() {
        return operations.count(NativeQuery.builder().withQuery(q -> q.matchAll(m -> m)).build(), ReferenceItem.class) == 0;
    }
}
