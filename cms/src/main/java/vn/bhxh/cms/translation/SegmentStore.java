package vn.bhxh.cms.translation;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.stereotype.Repository;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.IndexedDocument;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/** The workbench's segment sets, read by id (real-time), so writes need not wait for a refresh. */
@Repository
class SegmentStore {

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    SegmentStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.indices = indices;
    }

    Optional<SegmentSet> find(String variantId) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(variantId, SegmentSet.class));
    }

    /**
     * Saves the set unless a set for a later variant revision is stored already (two saves that both passed the
     * variant's own version check may reach here out of order; the later revision wins).
     */
    void save(SegmentSet set) {
        indices.requireReady();
        VersionConflicts.retry(() -> {
            Optional<SegmentSet> stored = find(set.id());
            if (stored.isPresent() && stored.get().variantRevision() > set.variantRevision()) {
                return;
            }
            operations.save(new SegmentSet(set.id(), set.productId(), set.language(), set.variantRevision(), set.sourceRevision(),
                    set.segments(), set.updatedAt(), stored.map(SegmentSet::seqNoPrimaryTerm).orElse(null)));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Index {
        @Bean
        IndexedDocument translationSegmentsIndex() {
            return new IndexedDocument(SegmentSet.class);
        }

        @Bean
        IndexedDocument translationMemoryIndex() {
            return new IndexedDocument(MemoryEntry.class);
        }

        @Bean
        IndexedDocument glossaryIndex() {
            return new IndexedDocument(GlossaryTerm.class);
        }
    }
}
