package vn.bhxh.cms.report;

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

/** The communes of each province. */
@Service
class CommuneStore {

    /** The largest province has a few hundred communes after the 2025 merger; this leaves room. */
    static final int MAX_COMMUNES_PER_PROVINCE = 2000;

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    CommuneStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    List<Commune> of(String province) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("province").value(province)))
                .withPageable(PageRequest.of(0, MAX_COMMUNES_PER_PROVINCE, Sort.by("code"))).build();
        return operations.search(query, Commune.class).stream().map(SearchHit::getContent).toList();
    }

    void saveAll(Collection<Commune> communes) {
        indices.requireReady();
        operations.save(communes);
    }
}
