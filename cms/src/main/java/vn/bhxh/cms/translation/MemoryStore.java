package vn.bhxh.cms.translation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Repository;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** The translation memory in Elasticsearch: exact entries by id, fuzzy candidates by a full-text match on the source. */
@Repository
class MemoryStore {

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    MemoryStore(ElasticsearchOperations operations, IndexInitializer indices) {
        // An approval's entries are offered on the very next page the translator opens.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.indices = indices;
    }

    void saveAll(List<MemoryEntry> entries) {
        indices.requireReady();
        if (!entries.isEmpty()) {
            operations.save(entries);
        }
    }

    Optional<MemoryEntry> find(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, MemoryEntry.class));
    }

    /** Entries of the language sharing at least half of the text's words, best scored first. */
    List<MemoryEntry> candidates(String language, String text, int limit) {
        indices.requireReady();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("language").value(language)))
                        .must(m -> m.match(t -> t.field("text").query(text).minimumShouldMatch("50%")))))
                .withPageable(PageRequest.of(0, limit)).build();
        return operations.search(query, MemoryEntry.class).stream().map(SearchHit::getContent).toList();
    }

    long count(String language) {
        indices.requireReady();
        return operations.count(NativeQuery.builder().withQuery(q -> q.term(t -> t.field("language").value(language))).build(),
                MemoryEntry.class);
    }
}
