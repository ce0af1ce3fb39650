package vn.bhxh.cms.review;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.stereotype.Repository;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.IndexedDocument;

/** Which revision each reviewer last opened, in the {@code review-seen} index; read by id, so writes need not wait. */
@Repository
class ReviewSeenStore {

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;

    ReviewSeenStore(ElasticsearchOperations operations, IndexInitializer indices) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.indices = indices;
    }

    Optional<ReviewSeen> find(String username, String variantId) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(ReviewSeen.id(username, variantId), ReviewSeen.class));
    }

    void save(ReviewSeen seen) {
        indices.requireReady();
        operations.save(seen);
    }

    @Configuration(proxyBeanMethods = false)
    static class Index {
        @Bean
        IndexedDocument reviewSeenIndex() {
            return new IndexedDocument(ReviewSeen.class);
        }
    }
}
