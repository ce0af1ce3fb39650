package vn.bhxh.cms.asset;

import co.elastic.clients.json.JsonData;
import java.time.Instant;
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

/** Asset records and download counts in Elasticsearch, the system of record. */
@Service
class AssetStore {

    private final ElasticsearchOperations operations;
    private final ElasticsearchOperations counting;
    private final IndexInitializer indices;

    AssetStore(ElasticsearchOperations operations, IndexInitializer indices) {
        // The uploader reads the record right back, and a backup lists files by searching the records: a new record is
        // made searchable at once. Waiting for the next scheduled refresh instead (up to the refresh interval, 1 s)
        // was most of a small upload's time; one index refresh per upload costs milliseconds. Download counts only
        // feed monthly reports.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.IMMEDIATE);
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
    List<Download> downloadsBy(String username, int limit) {
        indices.requireReady();
        operations.indexOps(Download.class).refresh();
        NativeQuery query = NativeQuery
                .builder().withQuery(q -> q.term(t -> t.field("username").value(username)))
                .withPageable(PageRequest.of(0, limit,
                        Sort.by(Sort.Direction.DESC, "at")))
                .build();
        return operations.search(query, Download.class).stream()
                .map(SearchHit::getContent).toList();
    }

    /** How many downloads the staff of a province made in [from, to), for the province's reports. */
    long downloadsOfProvince(String province, Instant from, Instant to) {
        indices.requireReady();
        operations.indexOps(Download.class).refresh();
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("province").value(province)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("at").format("strict_date_optional_time")
                                .gte(JsonData.of(from.toString()))
                                .lt(JsonData.of(to.toString())))))))
                .build();
        return operations.count(query, Download.class);
    }

    void count(Download download) {
        indices.requireReady();
        counting.save(download);
    }
}
