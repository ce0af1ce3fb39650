package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The full Elasticsearch distribution (the official image, of the managed node's version) in a container, for the
 * tests of a machine with Docker ({@code -Dbhxh.test.elasticsearch=testcontainers}). Only {@link TestElasticsearch}
 * refers to this class, and only for that choice, so without it Testcontainers is never loaded.
 */
final class ContainerElasticsearch {

    static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.0";

    private ContainerElasticsearch() {
    }

    /**
     * Starts the container (Testcontainers removes it when the test JVM exits), its {@code path.repo} bound to
     * {@code snapshots} at the same path, so a snapshot repository location means the same inside and out.
     */
    @SuppressWarnings("resource") // Lives as long as the test JVM; Testcontainers' reaper removes it.
    static URI start(Path snapshots) {
        try {
            Files.createDirectories(snapshots);
            // The image's user (uid 1000) writes the repository; the tests read it.
            Files.setPosixFilePermissions(snapshots, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not prepare " + snapshots + " for the container: " + e, e);
        }
        String heap = System.getProperty("elasticsearch.test.heap", "512m");
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("path.repo", snapshots.toString())
                .withEnv("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap)
                .withFileSystemBind(snapshots.toString(), snapshots.toString(), BindMode.READ_WRITE)
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health").forPort(9200).forStatusCode(200))
                .withStartupTimeout(Duration.ofMinutes(3));
        container.start();
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(9200));
    }
}
