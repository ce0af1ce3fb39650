package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Deletes the documents that outlived their {@link RetentionRule}: a search for a page of them, a bulk delete, again
 * until none is left (the managed node has no delete-by-query). Several instances may sweep at once: a document
 * already deleted by another is simply not found.
 */
@Component
public class RetentionSweep {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final List<RetentionRule> rules;
    private final ElasticsearchRequests elasticsearch;
    private final IndexInitializer indices;
    private final Clock clock;

    RetentionSweep(List<RetentionRule> rules, Rest5Client client, IndexProperties properties, IndexInitializer indices, Clock clock) {
        this.rules = rules;
        this.elasticsearch = new ElasticsearchRequests(client, properties.migrationTimeout());
        this.indices = indices;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${bhxh.retention.initial-delay:5m}", fixedDelayString = "${bhxh.retention.interval:6h}")
    void sweepOnSchedule() {
        if (!indices.isReady()) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed this time ({}); it runs again at the next interval", e.getMessage());
        }
    }

    /** Deletes what every rule says is too old; answers how many documents were deleted per index. */
    public Map<String, Long> sweep() {
        Map<String, Long> deleted = new java.util.LinkedHashMap<>();
        Instant now = clock.instant();
        for (RetentionRule rule : rules) {
            if (rule.keep().isZero()) {
                continue;
            }
            long count = deleteOlderThan(rule, now.minus(rule.keep()).truncatedTo(ChronoUnit.MILLIS));
            deleted.put(rule.alias(), count);
            if (count > 0) {
                log.info("Retention: deleted {} documents of {} older than {}", count, rule.alias(), rule.keep());
            }
        }
        return deleted;
    }

    private long deleteOlderThan(RetentionRule rule, Instant cutoff) {
        // The cutoff is given with its own format: a field stored as a plain date would not parse a time of day.
        Map<String, Object> query = Map.of("range", Map.of(rule.timeField(),
                Map.of("lt", cutoff.toString(), "format", "strict_date_optional_time")));
        long deleted = 0;
        while (true) {
            JsonNode hits = elasticsearch.send("POST", "/" + rule.alias() + "/_search",
                    Map.of("size", PAGE, "_source", false, "query", query)).path("hits").path("hits");
            if (hits.isEmpty()) {
                return deleted;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append("{\"delete\":{\"_index\":\"").append(hit.get("_index").asString()).append("\",\"_id\":")
                        .append(ElasticsearchRequests.JSON.writeValueAsString(hit.get("_id").asString())).append("}}\n");
            }
            // refresh=true: the next search must not find this page again.
            elasticsearch.send("POST", "/_bulk?refresh=true", bulk.toString());
            deleted += hits.size();
        }
    }
}
