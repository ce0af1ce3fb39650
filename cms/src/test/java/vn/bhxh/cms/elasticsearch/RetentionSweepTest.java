package vn.bhxh.cms.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;

/**
 * Downloads, page visits and notices older than their retention (three years, three years, one year by default) are
 * deleted by the sweep, page by page; younger ones stay, one day inside the limit included.
 */
@CmsIntegrationTest
class RetentionSweepTest {

    @Autowired
    RetentionSweep sweep;

    @Autowired
    IndexInitializer indices;

    @Autowired
    Rest5Client client;

    @Test
    void documentsOlderThanTheirRetentionAreDeletedAndYoungerOnesStay() {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        ElasticsearchRequests elasticsearch = new ElasticsearchRequests(client, Duration.ofSeconds(60));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(123); // as the application stores times
        int old = RetentionSweep.PAGE + 20; // more than one page of downloads
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < old; i++) {
            add(bulk, "asset-downloads", run + "-old-" + i, Map.of("assetId", "giu-lai-" + run, "at", now.minus(Duration.ofDays(1100)).toString()));
        }
        add(bulk, "asset-downloads", run + "-young", Map.of("assetId", "giu-lai-" + run, "at", now.minus(Duration.ofDays(1095)).toString()));
        add(bulk, "page-visits", run + "-old", Map.of("productId", run, "day", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1100).toString()));
        add(bulk, "page-visits", run + "-young", Map.of("productId", run, "day", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(30).toString()));
        add(bulk, "notices", run + "-old", Map.of("kind", "TARGET_PAUSED", "createdAt", now.minus(Duration.ofDays(400)).toString()));
        add(bulk, "notices", run + "-young", Map.of("kind", "TARGET_PAUSED", "createdAt", now.minus(Duration.ofDays(300)).toString()));
        assertThat(elasticsearch.send("POST", "/_bulk?refresh=true", bulk.toString()).path("errors").asBoolean()).isFalse();

        Map<String, Long> deleted = sweep.sweep();

        // Counts only say which indices were swept: the scheduled sweep of a running context may share the work.
        assertThat(deleted).containsOnlyKeys("asset-downloads", "page-visits", "notices");
        assertThat(exists(elasticsearch, "asset-downloads", run + "-old-0")).isFalse();
        assertThat(exists(elasticsearch, "asset-downloads", run + "-old-" + (old - 1))).isFalse();
        assertThat(exists(elasticsearch, "asset-downloads", run + "-young")).isTrue();
        assertThat(exists(elasticsearch, "page-visits", run + "-old")).isFalse();
        assertThat(exists(elasticsearch, "page-visits", run + "-young")).isTrue();
        assertThat(exists(elasticsearch, "notices", run + "-old")).isFalse();
        assertThat(exists(elasticsearch, "notices", run + "-young")).isTrue();
        assertThat(sweep.sweep().values()).allMatch(count -> count == 0);
    }

    private static void add(StringBuilder bulk, String index, String id, Map<String, Object> source) {
        bulk.append(ElasticsearchRequests.JSON.writeValueAsString(Map.of("index", Map.of("_index", index, "_id", id)))).append('\n')
                .append(ElasticsearchRequests.JSON.writeValueAsString(source)).append('\n');
    }

    private static boolean exists(ElasticsearchRequests elasticsearch, String index, String id) {
        return elasticsearch.sendAllowing("GET", "/" + index + "/_doc/" + id, null, Set.of(404)).isPresent();
    }
}
