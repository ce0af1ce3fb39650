package vn.bhxh.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.elasticsearch.node.ElasticsearchNode;
import vn.bhxh.elasticsearch.node.TestElasticsearch;

/**
 * Two instances started at the same moment on an empty store: the first administrator, the reference data and the
 * 68 demo products must exist once, not once per instance. The first round is two real application starts together;
 * the next nine empty the store and let both instances write their start-up data again at the same moment.
 */
@OwnElasticsearchNodes
class ConcurrentFirstStartTest {

    private static final int ROUNDS = 10;
    private static final int DEMO_PRODUCTS = 68;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static ElasticsearchNode node;
    private static URI elasticsearch;
    private static List<ConfigurableApplicationContext> instances;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstancesTogether() {
        node = TestElasticsearch.privateNode(0);
        // Ten seedings of the demo data: the translog is synced in the background, not once per write.
        elasticsearch = TestElasticsearch.syncTranslogInBackground(node.start());
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return instance();
                })).toList();
        instances = starting.stream().map(CompletableFuture::join).toList();
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.forEach(ConfigurableApplicationContext::close);
        }
        node.stop();
    }

    @Test
    void startUpDataIsWrittenOnceWhenTwoInstancesStartTogether() throws Exception {
        for (ConfigurableApplicationContext instance : instances) {
            Await.until(instance.getBean(IndexInitializer.class)::isReady, PATIENCE, "start-up data written");
        }
        long referenceEntries = count("reference-data");
        long variants = count("variants");
        assertOnce(1, referenceEntries, variants);

        for (int round = 2; round <= ROUNDS; round++) {
            emptyTheStore();
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Void>> writing = instances.stream().map(instance -> CompletableFuture.runAsync(() -> {
                IndexInitializer indices = instance.getBean(IndexInitializer.class);
                await(together);
                // As IndexInitializer does: the instance that finds the lock taken tries again a moment later.
                Await.until(indices::writeStartupData, PATIENCE, "start-up lock free");
            })).toList();
            writing.forEach(CompletableFuture::join);
            assertOnce(round, referenceEntries, variants);
        }
    }

    private void assertOnce(int round, long referenceEntries, long variants) throws Exception {
        refresh();
        assertThat(count("products")).as("demo products after round %d", round).isEqualTo(DEMO_PRODUCTS);
        assertThat(count("variants")).as("variants after round %d", round).isEqualTo(variants);
        assertThat(count("users")).as("administrators after round %d", round).isEqualTo(1);
        assertThat(count("reference-data")).as("reference entries after round %d", round).isEqualTo(referenceEntries);
        assertThat(count("publish-targets")).as("demo targets after round %d", round).isEqualTo(1);
    }

    private static ConfigurableApplicationContext instance() {
        // Arguments, not default properties: those would lose to application.yml (server.port=8080 for both).
        return new SpringApplicationBuilder(CmsApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=" + elasticsearch,
                "--bhxh.security.initial-admin.username=" + CmsIntegrationTest.ADMIN,
                "--bhxh.security.initial-admin.password=",
                "--bhxh.elasticsearch.index-retry-interval=200ms",
                "--bhxh.elasticsearch.refresh-interval=100ms",
                // Not a test of timeouts: a slow, busy test machine must not fail a seeding run half-way.
                "--spring.elasticsearch.socket-timeout=30s",
                "--bhxh.media.directory=${java.io.tmpdir}/bhxh-test-media",
                "--bhxh.demo.enabled=true",
                "--bhxh.publishing.credentials-key-file=${java.io.tmpdir}/bhxh-test-publishing/credentials.key",
                "--bhxh.security.password.bcrypt-strength=4");
    }

    /** Deletes every document the start-up writes, id by id: the managed node has no delete-by-query (no reindex module). */
    private void emptyTheStore() throws Exception {
        refresh();
        for (String index : List.of("products", "variants", "variant-versions", "audit", "users", "reference-data", "publish-targets")) {
            HttpResponse<String> found = send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_search?size=10000&_source=false"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}")));
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            StringBuilder deletes = new StringBuilder();
            for (JsonNode hit : Json.parse(found.body()).get("hits").get("hits")) {
                deletes.append("{\"delete\":{\"_index\":\"").append(index).append("\",\"_id\":\"")
                        .append(hit.get("_id").asString()).append("\"}}\n");
            }
            if (deletes.isEmpty()) {
                continue;
            }
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(elasticsearch.resolve("/_bulk?refresh=true"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(deletes.toString())));
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(Json.parse(deleted.body()).get("errors").asBoolean()).as(deleted.body()).isFalse();
        }
        assertThat(count("products")).isZero();
    }

    private void refresh() throws Exception {
        send(HttpRequest.newBuilder(elasticsearch.resolve("/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private long count(String index) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_count")));
        JsonNode body = Json.parse(answer.body());
        return body.get("count").asLong();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
