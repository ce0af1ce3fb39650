package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts real nodes of its own (not the shared one), since it stops and restarts them. */
class ElasticsearchNodeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Path home;

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createTempDirectory("bhxh-es-node-test-");
        Distribution.makeTraversable(home);
    }

    @AfterEach
    void deleteHome() {
        Distribution.deleteRecursively(home);
    }

    @Test
    void keepsDataAcrossRestartsAndStopsANodeLeftOverFromAKilledRun() throws Exception {
        NodeSettings settings = TestElasticsearch.testSettings(home);
        ElasticsearchNode first = new ElasticsearchNode(settings);
        URI firstUri = first.start();
        long firstServer = first.serverPid();
        // The test nodes' JVM options reach the node's JVM.
        assertThat(http.send(HttpRequest.newBuilder(firstUri.resolve("/_nodes/_local/jvm?filter_path=nodes.*.jvm.input_arguments"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).contains(TestElasticsearch.TEST_JVM_OPTIONS);
        assertThat(send("PUT", firstUri.resolve("/notes/_doc/1?refresh=wait_for"), "{\"title\":\"Vì sao không nên nhận BHXH một lần\"}"))
                .isEqualTo(201);

        // A second owner of the same directory, as after a killed JVM whose node kept running.
        ElasticsearchNode second = new ElasticsearchNode(settings);
        try {
            URI secondUri = second.start();
            assertThat(ProcessHandle.of(firstServer).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(secondUri.resolve("/notes/_doc/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.body()).contains("Vì sao không nên nhận BHXH một lần");
        } finally {
            second.stop();
            first.stop();
        }
        assertThat(second.isRunning()).isFalse();
        assertThat(TestElasticsearch.answers(second.uri())).isFalse();
    }

    @Test
    void aPortInUseIsReportedWithThePathOfTheLogEvenWhenWhatHoldsItAnswersLikeANode() throws IOException {
        // What holds the port answers every request with 200, as another Elasticsearch node would answer health: the
        // start must not take it for the node it launched.
        HttpServer stranger = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stranger.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"green\",\"nodes\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stranger.start();
        try {
            ElasticsearchNode node = new ElasticsearchNode(TestElasticsearch.testSettings(home)
                    .withHttpPort(stranger.getAddress().getPort()));
            assertThatThrownBy(node::start)
                    .isInstanceOf(ElasticsearchNodeException.class)
                    .hasMessageContaining("port is already in use")
                    .hasMessageContaining(home.resolve("logs/console.log").toString());
            assertThat(node.isRunning()).isFalse();
        } finally {
            stranger.stop(0);
        }
    }

    @Test
    void aMissingDistributionSaysHowToGetIt() {
        NodeSettings settings = new NodeSettings(home.resolve("nothing.zip"), home.resolve("install"), home, 0, "256m",
                "nobody", Duration.ofSeconds(10));
        assertThatThrownBy(() -> new ElasticsearchNode(settings).start())
                .isInstanceOf(ElasticsearchNodeException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("./mvnw");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> TestElasticsearch.testSettings(home).withHttpPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeSettings(home, home, home, 0, "lots", "nobody", Duration.ofSeconds(1)))
                .hasMessageContaining("heap");
    }

    private int send(String method, URI uri, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
