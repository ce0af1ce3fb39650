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
 * @param snapshotDirectory where filesystem snapshot repositories may live ({@code path.repo}); {@code null} for
 *                          {@code snapshots} in the node's home
 * @param jvmOptions more options for the node's JVM (empty for none): the test nodes' JIT settings
 */
public record NodeSettings(
        Path distributionZip,
        Path installDirectory,
        Path homeDirectory,
        int httpPort,
        String heap,
        String unprivilegedUser,
        Duration startupTimeout,
        ClusterMembership cluster,
        Path snapshotDirectory,
        String jvmOptions) {

    public NodeSettings(Path distributionZip, Path installDirectory, Path homeDirectory, int httpPort, String heap,
            String unprivilegedUser, Duration startupTimeout) {
        this(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout, null, null, "");
    }

    public NodeSettings {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be 0 (any free port) or 1-65535, was " + httpPort);
        }
        if (heap == null || !heap.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, was " + heap);
        }
        jvmOptions = jvmOptions == null ? "" : jvmOptions.strip();
    }

    public NodeSettings withHttpPort(int port) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, port, heap, unprivilegedUser, startupTimeout,
                cluster, snapshotDirectory, jvmOptions);
    }

    public NodeSettings inCluster(ClusterMembership membership) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout,
                membership, snapshotDirectory, jvmOptions);
    }

    /** The same node with its snapshot repositories ({@code path.repo}) in {@code directory}. */
    public NodeSettings withSnapshotDirectory(Path directory) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout,
                cluster, directory, jvmOptions);
    }

    /** The same node with {@code options} added to its JVM's options (after the heap), such as JIT settings. */
    public NodeSettings withJvmOptions(String options) {
        return new NodeSettings(distributionZip, installDirectory, homeDirectory, httpPort, heap, unprivilegedUser, startupTimeout,
                cluster, snapshotDirectory, options);
    }

    /** Where this node's filesystem snapshot repositories may live: the node's {@code path.repo}. */
    public Path snapshotPath() {
        return snapshotDirectory != null ? snapshotDirectory : homeDirectory.resolve("snapshots");
    }
}
