package vn.bhxh.cms.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.Await;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * Index lifecycle on the shared node, on indices of its own: creation behind an alias, the migration of an installation
 * from before aliases, a change of mapping version, two instances migrating at once, a newer index kept, an interrupted
 * migration finished. Documents are compared as stored (id and source), numbers a double could not hold included.
 */
class IndexLifecycleTest {

    private static final int DOCUMENTS = 600; // more than one scroll page
    private static Rest5Client client;
    private static ElasticsearchRequests elasticsearch;
    private final String alias = "lifecycle-test-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        client = Rest5Client.builder(TestElasticsearch.uri()).build();
        elasticsearch = new ElasticsearchRequests(client, Duration.ofSeconds(60));
    }

    @AfterAll
    static void close() throws Exception {
        // Deleting by wildcard is refused (action.destructive_requires_name): each index by its name.
        elasticsearch.sendAllowing("GET", "/lifecycle-test-*/_settings", null, Set.of(404)).ifPresent(indices ->
                indices.propertyNames().forEach(index -> elasticsearch.send("DELETE", "/" + index, null)));
        client.close();
    }

    @Test
    void createsTheFirstVersionBehindItsAlias() {
        assertThat(lifecycle().apply(definition(1))).isEqualTo(IndexLifecycle.Outcome.CREATED);

        assertThat(lifecycle().indexBehindAlias(alias)).contains(alias + "-v1");
        assertThat(elasticsearch.send("GET", "/" + alias + "-v1/_mapping", null)
                .path(alias + "-v1").path("mappings").path("_meta").path("mappingVersion").asInt()).isEqualTo(1);
        assertThat(lifecycle().apply(definition(1))).isEqualTo(IndexLifecycle.Outcome.UP_TO_DATE);
    }

    @Test
    void createsManyIndicesAtOnceAndStillReportsTheOneThatFails() {
        List<IndexDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            definitions.add(new IndexDefinition(alias + "-many-" + i, 1, Map.of("index.number_of_shards", "1"),
                    Map.of("dynamic", false, "properties", Map.of("title", Map.of("type", "text")))));
        }
        // A mapping Elasticsearch refuses: this one fails, the others are created all the same.
        definitions.add(new IndexDefinition(alias + "-many-bad", 1, Map.of(),
                Map.of("properties", Map.of("title", Map.of("type", "khong-co-kieu-nay")))));

        assertThatThrownBy(() -> lifecycle().applyAll(definitions)).hasMessageContaining("khong-co-kieu-nay");

        List<IndexDefinition> good = definitions.subList(0, 12);
        for (IndexDefinition definition : good) {
            assertThat(lifecycle().indexBehindAlias(definition.alias())).contains(definition.alias() + "-v1");
        }
        assertThat(lifecycle().applyAll(good)).hasSize(12).allSatisfy((name, outcome) ->
                assertThat(outcome).isEqualTo(IndexLifecycle.Outcome.UP_TO_DATE));
    }

    @Test
    void migratesAnInstallationFromBeforeAliasesAndThenANewMappingVersion() {
        // An index under the plain name, as installations made before aliases have it.
        elasticsearch.send("PUT", "/" + alias, Map.of("mappings", Map.of("properties", Map.of("title", Map.of("type", "text")))));
        Map<String, JsonNode> stored = fill(alias);

        assertThat(lifecycle().apply(definition(1))).isEqualTo(IndexLifecycle.Outcome.MIGRATED);

        assertThat(lifecycle().indexBehindAlias(alias)).contains(alias + "-v1");
        assertThat(documents(alias)).isEqualTo(stored);
        // Writes through the name go on working: they land in the new index.
        elasticsearch.send("PUT", "/" + alias + "/_doc/after?refresh=true", Map.of("title", "sau khi chuyển"));

        assertThat(lifecycle().apply(definition(2))).isEqualTo(IndexLifecycle.Outcome.MIGRATED);

        assertThat(lifecycle().indexBehindAlias(alias)).contains(alias + "-v2");
        assertThat(elasticsearch.exists(alias + "-v1")).as("old version deleted").isFalse();
        Map<String, JsonNode> afterSecond = documents(alias);
        assertThat(afterSecond).hasSize(DOCUMENTS + 1).containsAllEntriesOf(stored);
        // The new version's mapping is the one in force: its keyword field is searchable exactly.
        assertThat(elasticsearch.send("GET", "/" + alias + "/_mapping", null).path(alias + "-v2").path("mappings")
                .path("properties").path("code").path("type").asString()).isEqualTo("keyword");
        assertThat(elasticsearch.send("POST", "/" + alias + "/_count",
                Map.of("query", Map.of("term", Map.of("code", "MA-7")))).path("count").asLong()).isEqualTo(1);
    }

    @Test
    void twoInstancesStartingTogetherMigrateOnce() {
        lifecycle().apply(definition(1));
        Map<String, JsonNode> stored = fill(alias);
        CyclicBarrier together = new CyclicBarrier(2);
        List<IndexLifecycle.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> instances = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
            StartupLock lock = new StartupLock(client, JsonMapper.builder().build(), Clock.systemUTC(),
                    new IndexProperties(Duration.ofSeconds(5), Duration.ofSeconds(1), "auto", Duration.ofSeconds(2), Duration.ofSeconds(60)));
            IndexLifecycle lifecycle = lifecycle();
            await(together);
            // As IndexInitializer does: the instance that finds the lock taken tries again a moment later.
            Await.until(() -> lock.runExclusively(() -> outcomes.add(lifecycle.apply(definition(2)))), Duration.ofMinutes(2),
                    "start-up lock free");
        })).toList();
        instances.forEach(CompletableFuture::join);

        assertThat(outcomes).containsExactlyInAnyOrder(IndexLifecycle.Outcome.MIGRATED, IndexLifecycle.Outcome.UP_TO_DATE);
        assertThat(documents(alias)).isEqualTo(stored);
    }

    @Test
    void aNewerVersionIsLeftAsItIs() {
        lifecycle().apply(definition(2));
        Map<String, JsonNode> stored = fill(alias);

        assertThat(lifecycle().apply(definition(1))).isEqualTo(IndexLifecycle.Outcome.NEWER_KEPT);

        assertThat(lifecycle().indexBehindAlias(alias)).contains(alias + "-v2");
        assertThat(documents(alias)).isEqualTo(stored);
    }

    @Test
    void aMigrationInterruptedBeforeTheAliasMovedIsDoneAgain() {
        lifecycle().apply(definition(1));
        Map<String, JsonNode> stored = fill(alias);
        // What an instance killed mid-copy leaves: the old index read-only behind the alias, the new one half filled.
        elasticsearch.send("PUT", "/" + alias + "-v1/_settings", Map.of("index.blocks.write", true));
        elasticsearch.send("PUT", "/" + alias + "-v2/_doc/half-copied?refresh=true", Map.of("title", "nửa chừng"));
        assertThatThrownBy(() -> elasticsearch.send("PUT", "/" + alias + "/_doc/blocked", Map.of("title", "x")))
                .as("the old index takes no writes during a migration").isInstanceOf(ElasticsearchUnavailableException.class);

        assertThat(lifecycle().apply(definition(2))).isEqualTo(IndexLifecycle.Outcome.MIGRATED);

        assertThat(documents(alias)).isEqualTo(stored);
    }

    private static IndexLifecycle lifecycle() {
        return new IndexLifecycle(elasticsearch, Map.of("index.auto_expand_replicas", "0-1", "index.refresh_interval", "100ms"));
    }

    private IndexDefinition definition(int version) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Map.of("type", "text"));
        if (version >= 2) {
            properties.put("code", Map.of("type", "keyword"));
        }
        return new IndexDefinition(alias, version, Map.of("index.number_of_shards", "1"),
                Map.of("dynamic", false, "properties", properties));
    }

    /** Writes documents with text, nested objects, arrays, decimals and a long beyond a double's precision. */
    private Map<String, JsonNode> fill(String index) {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"doc-").append(i).append("\"}}\n");
            bulk.append("{\"title\":\"Tờ gấp số ").append(i).append("\",\"code\":\"MA-").append(i)
                    .append("\",\"size\":").append(9007199254740993L + i).append(",\"ratio\":0.1").append(i)
                    .append(",\"tags\":[\"a\",\"b\"],\"file\":{\"sha256\":\"").append(Integer.toHexString(i * 7919))
                    .append("\",\"bytes\":").append(i).append("}}\n");
        }
        JsonNode answer = elasticsearch.send("POST", "/_bulk?refresh=true", bulk.toString());
        assertThat(answer.path("errors").asBoolean()).as(answer.toString()).isFalse();
        return documents(index);
    }

    /** Every document's source by id, read as stored. */
    private static Map<String, JsonNode> documents(String index) {
        elasticsearch.send("POST", "/" + index + "/_refresh", null);
        JsonNode hits = elasticsearch.send("POST", "/" + index + "/_search",
                Map.of("size", 10_000, "query", Map.of("match_all", Map.of()))).path("hits").path("hits");
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode hit : hits) {
            byId.put(hit.get("_id").asString(), hit.get("_source"));
        }
        return byId;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
