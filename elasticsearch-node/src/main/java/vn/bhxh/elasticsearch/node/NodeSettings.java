package vn.bhxh.elasticsearch.node;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run one local node.
 *
 * @param distributionZip the integ-test-zip distribution from Maven Central
 * @param installDirectory where the distribution is unpacked (may be shared by several nodes)
 * @param homeDirectory this node's own config, data, logs and temporary files
 * @param httpPort the HTTP port, or 0 for a free one
 * @param heap the JVM heap, for example {@code 512m}
 * @param unprivilegedUser the user to run as when this process is root (Elasticsearch refuses root)
 * @param startupTimeout how long to wait for the node to answer
 * @param cluster how it joins its cluster, or {@code null} for a single-node cluster of its own
 */
public record NodeSettings(
        Path distributionZip,
        Path installDirectory,
        Path homeDirectory,
        int httpPort,
        String heap,
        String unprivilegedUser,
        Duration startupTimeout,
        ClusterMembership cluster) {

    public NodeSettings(Path distributionZip, Path installDirectory, Path homeDirectory, int httpPort, String heap,
            String unprivilegedUser, Duration startupTimeout) {
        this(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout, null);
    }

    public NodeSettings {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0 (any free port) or 1-65535, was " + httpPort);
        }
        if (heap == null || !heap.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, was " + heap);
        }
    }

    public NodeSettings withHttpPort(int port) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, port, heap, unprivilegedUser, startupTimeout,
                cluster);
    }

    public NodeSettings inCluster(ClusterMembership membership) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout,
                membership);
    }
}
