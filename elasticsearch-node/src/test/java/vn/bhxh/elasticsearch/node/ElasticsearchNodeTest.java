package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void aPortInUseIsReportedWithThePathOfTheLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ElasticsearchNode node = new ElasticsearchNode(TestElasticsearch.testSettings(home).withHttpPort(taken.getLocalPort()));
            assertThatThrownBy(node::start)
                    .isInstanceOf(ElasticsearchNodeException.class)
                    .hasMessageContaining("port is already in use")
                    .hasMessageContaining(home.resolve("logs/console.log").toString());
            assertThat(node.isRunning()).isFalse();
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
