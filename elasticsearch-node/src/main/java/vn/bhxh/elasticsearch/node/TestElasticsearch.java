package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The Elasticsearch node for tests. In a Maven build every module's tests share the node that
 * {@link SharedTestNode} announces (system property {@code elasticsearch.test.node-file}); a test run
 * without it (one module, an IDE) starts a node of its own, stopped when the test JVM exits. With
 * {@code -Dbhxh.test.elasticsearch=testcontainers} each test JVM uses a Testcontainers Elasticsearch instead (the full
 * distribution, for a CI with Docker); without Docker that choice stops at once with one sentence
 * ({@link TestElasticsearchChoice}). Tests that start nodes of their own (to stop, pause or kill them) still do.
 */
public final class TestElasticsearch {

    public static final String NODE_FILE_PROPERTY = "elasticsearch.test.node-file";
    public static final String DISTRIBUTION_PROPERTY = "elasticsearch.distribution";
    private static final Duration WAIT_FOR_SHARED_NODE = Duration.ofMinutes(4);

    private static URI uri;
    private static Path snapshotDirectory;

    private TestElasticsearch() {
    }

    /** The node's address, such as {@code http://127.0.0.1:41234}. */
    public static synchronized URI uri() {
        if (uri == null) {
            TestElasticsearchChoice choice = TestElasticsearchChoice.configured();
            choice.checkUsable(DockerProbe::forThisMachine);
            uri = choice == TestElasticsearchChoice.TESTCONTAINERS ? startContainer()
                    : sharedNode().orElseGet(TestElasticsearch::startOwnNode);
        }
        return uri;
    }

    private static URI startContainer() {
        snapshotDirectory = Path.of(System.getProperty("java.io.tmpdir"), "bhxh-es-container-snapshots-" + ProcessHandle.current().pid());
        return syncTranslogInBackground(ContainerElasticsearch.start(snapshotDirectory));
    }

    /**
     * The node's {@code path.repo}, where a test's filesystem snapshot repository must live; the test JVM (root on
     * our machines) can read it, and the node's user owns it.
     */
    public static synchronized Path snapshotDirectory() {
        uri();
        return snapshotDirectory;
    }

    private static Optional<URI> sharedNode() {
        String file = System.getProperty(NODE_FILE_PROPERTY);
        if (file == null) {
            return Optional.empty();
        }
        Path announcement = Path.of(file);
        Path starting = SharedTestNode.startingMarker(announcement);
        Instant deadline = Instant.now().plus(WAIT_FOR_SHARED_NODE);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(announcement)) {
                URI announced = readUri(announcement);
                if (announced != null && answers(announced)) {
                    snapshotDirectory = Path.of(readProperty(announcement, "snapshot-directory"));
                    return Optional.of(announced);
                }
            }
            if (!ownerAlive(starting)) {
                // Nobody is starting a shared node (this module was built alone, or the file is stale).
                return Optional.empty();
            }
            sleep(250);
        }
        throw new ElasticsearchNodeException("The shared test Elasticsearch did not start within "
                + WAIT_FOR_SHARED_NODE.toMinutes() + " minutes; see " + announcement.getParent());
    }

    private static URI startOwnNode() {
        NodeSettings settings = testSettings(temporaryHome());
        snapshotDirectory = settings.snapshotPath();
        return syncTranslogInBackground(new ElasticsearchNode(settings).start());
    }

    /**
     * Lets every index created on the node from now on sync its translog to disk every few seconds
     * ({@code index.translog.durability=async}, by an index template) instead of on every write, Elasticsearch's
     * default: one fsync per write was most of the time of the tests that write a lot (the demo data, seeded ten times
     * over by {@code ConcurrentFirstStartTest}). A running node, or one stopped normally, still has every write; only a
     * node killed with SIGKILL could lose its last seconds, so tests that kill nodes to prove acknowledged writes
     * survive keep the default.
     *
     * @return {@code node}
     */
    public static URI syncTranslogInBackground(URI node) {
        HttpRequest template = HttpRequest.newBuilder(node.resolve("/_index_template/bhxh-test-translog-async"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"index_patterns\":[\"*\"],\"priority\":0,\"template\":{\"settings\":{\"index.translog.durability\":\"async\"}}}"))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(template, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ElasticsearchNodeException("The test node refused the translog template: " + answer.body());
            }
            return node;
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not reach the test node at " + node + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchNodeException("Interrupted while setting up the test node");
        }
    }

    /**
     * A node of the caller's own, not started yet, in a temporary home removed when the JVM exits: for tests that
     * stop and start Elasticsearch, or need an empty one.
     *
     * @param httpPort the port, or 0 for a free one (a test that restarts the node wants a fixed one)
     */
    public static ElasticsearchNode privateNode(int httpPort) {
        return new ElasticsearchNode(testSettings(temporaryHome()).withHttpPort(httpPort));
    }

    /**
     * A node of the caller's own whose {@code path.repo} is {@code snapshotDirectory}: a second installation that
     * restores what the shared node's backups wrote there.
     */
    public static ElasticsearchNode privateNode(int httpPort, Path snapshotDirectory) {
        return new ElasticsearchNode(testSettings(temporaryHome()).withHttpPort(httpPort).withSnapshotDirectory(snapshotDirectory));
    }

    /**
     * A cluster of the caller's own, not started yet, its nodes' homes removed when the JVM exits: for tests that
     * take nodes away. Each node gets {@code heap} (several nodes share the test machine's memory).
     */
    public static ElasticsearchCluster privateCluster(int size, String heap) {
        return ElasticsearchCluster.of("bhxh-test-" + ProcessHandle.current().pid(), size, i -> {
            NodeSettings settings = testSettings(temporaryHome());
            // Several nodes start at once on the same cores: each may take longer than a node alone.
            return new NodeSettings(settings.distributionZip(), settings.installDirectory(), settings.homeDirectory(), 0, heap,
                    settings.unprivilegedUser(), settings.startupTimeout().multipliedBy(2)).withJvmOptions(TEST_JVM_OPTIONS);
        });
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("bhxh-es-test-");
            Distribution.makeTraversable(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Distribution.deleteRecursively(home)));
            return home;
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not create a directory for the test node: " + e, e);
        }
    }

    /** Settings for a throw-away node in {@code home}, for tests that need a node of their own (for example to stop it). */
    public static NodeSettings testSettings(Path home) {
        String heap = System.getProperty("elasticsearch.test.heap", "512m");
        return new NodeSettings(distribution(), sharedInstallDirectory(), home, 0, heap, "nobody", Duration.ofMinutes(3))
                .withJvmOptions(TEST_JVM_OPTIONS);
    }

    /**
     * The test nodes' JVMs compile with C1 only: a node's start is mostly JIT work, and on a busy 2-core machine the
     * optimising compiler's threads competed with everything else (starts of 85–109 s against 41–63 s with C1 alone,
     * alternated in one run under load 15). Tests run a node for minutes, not the hours where C2's code pays back.
     */
    static final String TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

    /** The distribution zip: the path Maven passes, else its usual place in the local Maven repository. */
    public static Path distribution() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/integ-test-zip",
                "elasticsearch/9.2.0/elasticsearch-9.2.0.zip");
    }

    /** Test nodes share one unpacked distribution in the temporary directory, kept between runs. */
    static Path sharedInstallDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "bhxh-elasticsearch-distribution");
    }

    private static URI readUri(Path announcement) {
        try {
            return URI.create(readProperty(announcement, "uri"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String readProperty(Path announcement, String name) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(announcement)) {
            properties.load(in);
            return properties.getProperty(name);
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not read " + announcement + ": " + e, e);
        }
    }

    private static boolean ownerAlive(Path starting) {
        try {
            long pid = Long.parseLong(Files.readString(starting).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    static boolean answers(URI node) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(node.resolve("/_cluster/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
