package vn.bhxh.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes of the managed distribution on loopback form one cluster, and a node that left rejoins it. */
class ElasticsearchClusterTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoNodesFormOneClusterAndAStoppedNodeRejoinsWithItsData() throws Exception {
        try (ElasticsearchCluster cluster = TestElasticsearch.privateCluster(2, "256m")) {
            List<URI> uris = cluster.start();
            assertThat(get(uris.get(0).resolve("/_cluster/health"))).contains("\"number_of_nodes\":2");
            assertThat(get(uris.get(1).resolve("/_cat/nodes?h=name"))).contains("-0", "-1");

            cluster.node(1).kill();
            assertThat(cluster.node(1).isRunning()).isFalse();

            cluster.node(1).start();
            assertThat(cluster.node(1).uri()).isEqualTo(uris.get(1));
            assertThat(get(uris.get(1).resolve("/_cluster/health?wait_for_nodes=2&timeout=30s"))).contains("\"number_of_nodes\":2");
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
