package vn.bhxh.cms.translation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Repository;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Glossary terms per language; listed on every workbench page, so writes wait for the refresh. */
@Repository
class GlossaryStore {

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    GlossaryStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    List<GlossaryTerm> list(String language, int limit) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("language").value(language)))
                .withPageable(PageRequest.of(0, limit, Sort.by("term"))).build();
        return operations.search(query, GlossaryTerm.class).stream().map(SearchHit::getContent).toList();
    }

    Optional<GlossaryTerm> find(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, GlossaryTerm.class));
    }

    void save(GlossaryTerm term) {
        indices.requireReady();
        operations.save(term);
    }

    boolean delete(String id) {
        indices.requireReady();
        if (find(id).isEmpty()) {
            return false;
        }
        operations.delete(id, GlossaryTerm.class);
        return true;
    }
}
