package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The one node of a whole Maven test run. Maven starts this program early in the build (exec-maven-plugin,
 * asynchronously) and it stops the node when Maven exits, however Maven ends; it starts a node in a temporary directory and
 * announces it in a small properties file that every module's test JVM reads ({@link TestElasticsearch}).
 *
 * <p>Arguments: the announcement file, the distribution zip, the heap, and the tests' choice of Elasticsearch
 * ({@link TestElasticsearchChoice}): with {@code testcontainers} no node is started, each test JVM starting its container.
 */
public final class SharedTestNode {

    static final String STARTING_SUFFIX = ".starting";

    private SharedTestNode() {
    }

    public static void main(String[] args) throws Exception {
        // Maven killed with SIGKILL runs no hooks (and exec-maven-plugin's destroy-on-shutdown proved unreliable):
        // follow Maven down instead of leaving an orphan node behind. Taken first, before Maven could be gone.
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(0)));
        Path announcement = Path.of(args[0]).toAbsolutePath();
        Path distribution = Path.of(args[1]);
        String heap = args.length > 2 ? args[2] : "512m";
        if (args.length > 3 && TestElasticsearchChoice.of(args[3]) == TestElasticsearchChoice.TESTCONTAINERS) {
            System.out.println("[shared test Elasticsearch] not started: the tests use Testcontainers");
            return;
        }
        Path workDirectory = announcement.getParent();
        Files.createDirectories(workDirectory);
        Files.deleteIfExists(announcement);
        Path starting = startingMarker(announcement);
        Files.writeString(starting, Long.toString(ProcessHandle.current().pid()));
        removeLeftoverNodes(workDirectory);

        Path home = Files.createTempDirectory("bhxh-es-test-");
        Distribution.makeTraversable(home);
        NodeSettings settings = new NodeSettings(distribution, TestElasticsearch.sharedInstallDirectory(), home, 0, heap,
                "nobody", Duration.ofMinutes(3)).withJvmOptions(TestElasticsearch.TEST_JVM_OPTIONS);
        ElasticsearchNode node = new ElasticsearchNode(settings);
        Path pidFile = workPidFile(workDirectory, home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.stop();
            Distribution.deleteRecursively(home);
            deleteQuietly(pidFile);
            deleteQuietly(announcement);
            deleteQuietly(starting);
        }, "shared-test-node-cleanup"));
        URI uri;
        try {
            uri = TestElasticsearch.syncTranslogInBackground(node.start());
        } catch (ElasticsearchNodeException e) {
            System.err.println("[shared test Elasticsearch] " + e.getMessage());
            Files.writeString(starting.resolveSibling(announcement.getFileName() + ".failed"), e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(pidFile, node.serverPid() + " " + ProcessHandle.current().pid());
        announce(announcement, uri, node, home, settings.snapshotPath());
        Files.deleteIfExists(starting);
        System.out.println("[shared test Elasticsearch] " + uri + " ready in " + node.lastStartupTime().toMillis()
                + " ms; log " + node.logFile());
        Thread.currentThread().join();
    }

    static Path startingMarker(Path announcement) {
        return announcement.resolveSibling(announcement.getFileName() + STARTING_SUFFIX);
    }

    private static void announce(Path announcement, URI uri, ElasticsearchNode node, Path home, Path snapshots) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("uri", uri.toString());
        properties.setProperty("owner-pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("server-pid", Long.toString(node.serverPid()));
        properties.setProperty("home", home.toString());
        properties.setProperty("snapshot-directory", snapshots.toAbsolutePath().toString());
        Path temporary = announcement.resolveSibling(announcement.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(temporary)) {
            properties.store(out, "shared test Elasticsearch node");
        }
        Files.move(temporary, announcement, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path workPidFile(Path workDirectory, Path home) {
        return workDirectory.resolve("node-" + home.getFileName() + ".pid");
    }

    /** Nodes of earlier runs whose launcher was killed too: stop them and free their disk. */
    private static void removeLeftoverNodes(Path workDirectory) throws IOException {
        try (Stream<Path> files = Files.list(workDirectory)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().matches("node-.*\\.pid")).toList()) {
                try {
                    String[] pids = Files.readString(pidFile).trim().split(" ");
                    if (pids.length > 1 && ProcessHandle.of(Long.parseLong(pids[1])).map(ProcessHandle::isAlive).orElse(false)) {
                        continue; // Its owner still runs: the node of another build in this checkout.
                    }
                    ProcessHandle.of(Long.parseLong(pids[0]))
                            .filter(h -> h.info().commandLine().map(c -> c.contains("org.elasticsearch")).orElse(false))
                            .ifPresent(ProcessHandle::destroyForcibly);
                } catch (NumberFormatException | IOException ignored) {
                    // Unreadable pid file: nothing to stop.
                }
                String home = pidFile.getFileName().toString().replaceFirst("^node-", "").replaceFirst("\\.pid$", "");
                Distribution.deleteRecursively(Path.of(System.getProperty("java.io.tmpdir"), home));
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
