package vn.bhxh.elasticsearch.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Several nodes of the managed distribution on this machine forming one cluster: each with its own home and
 * data, HTTP and transport ports on the loopback address, finding each other through
 * {@code discovery.seed_hosts}. Every node is master-eligible and holds data, so the cluster survives losing
 * any one node of three.
 */
public final class ElasticsearchCluster implements AutoCloseable {

    private final List<ElasticsearchNode> nodes;

    private ElasticsearchCluster(List<ElasticsearchNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * A cluster of {@code size} nodes, not started yet.
     *
     * @param nodeSettings the settings of the node with the given index (0 to size-1): its own home directory, its
     *                     HTTP port (0 picks a free one, kept when the node restarts); the cluster part is added here
     */
    public static ElasticsearchCluster of(String clusterName, int size, Function<Integer, NodeSettings> nodeSettings) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, was " + size);
        }
        List<Integer> transportPorts = IntStream.range(0, size).mapToObj(i -> ElasticsearchNode.freePort()).toList();
        List<String> names = IntStream.range(0, size).mapToObj(i -> clusterName + "-" + i).toList();
        List<ElasticsearchNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            NodeSettings settings = nodeSettings.apply(i);
            int httpPort = settings.httpPort() == 0 ? ElasticsearchNode.freePort() : settings.httpPort();
            nodes.add(new ElasticsearchNode(settings.withHttpPort(httpPort).inCluster(
                    new ClusterMembership(clusterName, names.get(i), transportPorts.get(i), transportPorts, names))));
        }
        return new ElasticsearchCluster(List.copyOf(nodes));
    }

    /** Launches every node, then waits for each to answer: a new cluster forms only once a majority runs. */
    public List<URI> start() {
        Instant began = Instant.now();
        try {
            nodes.forEach(ElasticsearchNode::launch);
            nodes.forEach(node -> node.awaitStarted(began));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return uris();
    }

    /** The HTTP addresses of every node, whether running or not. */
    public List<URI> uris() {
        return nodes.stream().map(ElasticsearchNode::uri).toList();
    }

    public ElasticsearchNode node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    public Path logFile(int index) {
        return nodes.get(index).logFile();
    }

    @Override
    public void close() {
        nodes.forEach(ElasticsearchNode::stop);
    }
}
