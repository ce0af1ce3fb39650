package vn.bhxh.cms.asset;

import java.util.Optional;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/** Asset records and download counts in Elasticsearch, the system of record. */
@Service
class AssetStore {

    private final ElasticsearchOperations operations;
    private final ElasticsearchOperations counting;
    private final IndexInitializer indices;

    AssetStore(ElasticsearchOperations operations, IndexInitializer indices) {
        // The uploader reads the record right back; download counts only feed monthly reports.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.counting = operations.withRefreshPolicy(RefreshPolicy.NONE);
        this.indices = indices;
    }

    Asset save(Asset asset) {
        indices.requireReady();
        return operations.save(asset);
    }

    Optional<Asset> find(String id) {
        indices.requireReady();
        return Optional.ofNullable(operations.get(id, Asset.class));
    }

    /** A user's downloads, newest first (the download history page); the count is refreshed first to include the latest. */
    java.util.List<Download> downloadsBy(String username, int limit) {
        indices.requireReady();
        operations.indexOps(Download.class).refresh();
        org.springframework.data.elasticsearch.client.elc.NativeQuery query = org.springframework.data.elasticsearch.client.elc.NativeQuery
                .builder().withQuery(q -> q.term(t -> t.field("username").value(username)))
                .withPageable(org.springframework.data.domain.PageRequest.of(0, limit,
                        org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "at")))
                .build();
        return operations.search(query, Download.class).stream()
                .map(org.springframework.data.elasticsearch.core.SearchHit::getContent).toList();
    }

    void count(Download download) {
        indices.requireReady();
        counting.save(download);
    }
}
