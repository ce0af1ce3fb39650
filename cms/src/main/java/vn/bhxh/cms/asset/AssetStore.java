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

    void count(Download download) {
        indices.requireReady();
        counting.save(download);
    }
}
