package vn.bhxh.cms.elasticsearch;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application manages its indices.
 *
 * @param indexRetryInterval how often index creation is retried while Elasticsearch is unreachable
 * @param refreshInterval the indices' refresh interval; writes wait for the next refresh, so it is also their latency
 * @param replicas the replicas of every index the application creates: {@code auto} for one as soon as the cluster
 *                 has more than one data node (none on a single node, where a replica could never be placed), or a
 *                 fixed number
 * @param healthTimeout how long the health check waits for Elasticsearch before it reports it down
 * @param migrationTimeout how long one request of an index migration, a retention sweep or a snapshot may take (far
 *                         longer than a user's request: it copies or deletes a page of documents)
 */
@ConfigurationProperties("bhxh.elasticsearch")
public record IndexProperties(
        @DefaultValue("5s") Duration indexRetryInterval,
        @DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("auto") String replicas,
        @DefaultValue("1500ms") Duration healthTimeout,
        @DefaultValue("60s") Duration migrationTimeout) {

    static final String AUTO = "auto";

    public IndexProperties {
        if (!AUTO.equals(replicas) && !replicas.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("bhxh.elasticsearch.replicas must be 'auto' or a number such as 1, was '"
                    + replicas + "'");
        }
    }

    /** The index settings that give an index the configured replicas. */
    public Map<String, String> replicaSettings() {
        if (AUTO.equals(replicas)) {
            // Elasticsearch adjusts the count itself as nodes join and leave.
            return Map.of("index.auto_expand_replicas", "0-1");
        }
        return Map.of("index.number_of_replicas", replicas, "index.auto_expand_replicas", "false");
    }
}
