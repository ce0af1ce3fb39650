package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The node of one data directory, shared by every application instance on this machine that uses that
 * directory. The first instance starts the node and owns it; the next ones join it and never stop it. When
 * the owner shuts down while another instance still uses the node, it hands ownership over instead of stopping
 * it; the last one out stops it. A node whose owner died and that nobody uses any more is a leftover: it is
 * stopped and started afresh. Decisions are taken under a file lock in the directory, so instances starting
 * at the same moment agree on one owner.
 */
public final class SharedDirectoryNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SharedDirectoryNode.class.getName());
    private static final String OWNER_FILE = "owner.properties";
    private static final String LOCK_FILE = "owner.lock";
    private static final String USERS = "users";

    private final ElasticsearchNode node;
    private final Path home;
    /** pid (to tell whether the instance is alive) and a suffix (to tell apart two instances in one JVM, as in tests). */
    private final String instance = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private URI uri;
    private boolean joined;

    public SharedDirectoryNode(NodeSettings settings) {
        this.node = new ElasticsearchNode(settings);
        this.home = settings.homeDirectory();
        // Whether the node stops with this JVM depends on who else uses it then: close() decides, not the node.
        node.keepRunningWhenJvmExits();
    }

    /**
     * Starts the directory's node, or joins it when another live instance runs it; returns its address. It is left
     * as {@link #close()} says when this JVM exits (Ctrl-C included).
     */
    public URI start() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "elasticsearch-directory-node-leave"));
        return locked(() -> {
            Optional<Properties> owner = readOwner();
            URI running = owner.map(o -> URI.create(o.getProperty("uri"))).orElse(null);
            boolean ownerAlive = owner.map(o -> alive(o.getProperty("instance"))).orElse(false);
            boolean otherUsers = !liveUsers().isEmpty();
            if (running != null && (ownerAlive || otherUsers) && TestElasticsearch.answers(running)) {
                uri = running;
                joined = true;
                if (!ownerAlive) {
                    // Its owner was killed, but an instance still uses it: keep it running and look after it.
                    writeOwner(running);
                }
                LOG.log(System.Logger.Level.INFO, "Using the Elasticsearch node at {0} that another instance runs in {1}",
                        running, home);
            } else {
                uri = node.start();
                joined = false;
                writeOwner(uri);
            }
            Files.createDirectories(home.resolve(USERS));
            Files.writeString(home.resolve(USERS).resolve(instance), uri.toString());
            return uri;
        });
    }

    /** Whether this instance uses a node another instance started. */
    public boolean joined() {
        return joined;
    }

    public Path logFile() {
        return node.logFile();
    }

    public ElasticsearchNode node() {
        return node;
    }

    /** Leaves the node: stops it only when this instance owns it and no other live instance uses it. */
    @Override
    public synchronized void close() {
        if (uri == null) {
            return;
        }
        locked(() -> {
            Files.deleteIfExists(home.resolve(USERS).resolve(instance));
            boolean owner = readOwner().map(o -> instance.equals(o.getProperty("instance"))).orElse(false);
            if (!owner) {
                return null;
            }
            List<String> others = liveUsers();
            if (!others.isEmpty()) {
                writeOwner(uri, others.getFirst());
                LOG.log(System.Logger.Level.INFO, "Leaving the Elasticsearch node at {0} running for instance {1}",
                        uri, others.getFirst());
                return null;
            }
            if (joined) {
                ElasticsearchNode.stopLeftoverNode(home); // handed over to us: we have no process handle, only its pid
            } else {
                node.stop();
            }
            Files.deleteIfExists(home.resolve(OWNER_FILE));
            return null;
        });
        uri = null;
    }

    private List<String> liveUsers() throws IOException {
        Path users = home.resolve(USERS);
        if (!Files.isDirectory(users)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(users)) {
            List<Path> all = files.toList();
            for (Path dead : all.stream().filter(f -> !alive(f.getFileName().toString())).toList()) {
                Files.deleteIfExists(dead);
            }
            return all.stream().map(f -> f.getFileName().toString())
                    .filter(name -> alive(name) && !name.equals(instance)).sorted().toList();
        }
    }

    private static boolean alive(String instance) {
        try {
            long pid = Long.parseLong(instance.substring(0, instance.indexOf('-')));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<Properties> readOwner() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(home.resolve(OWNER_FILE))) {
            properties.load(in);
            return properties.getProperty("instance") == null || properties.getProperty("uri") == null
                    ? Optional.empty() : Optional.of(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeOwner(URI running) throws IOException {
        writeOwner(running, instance);
    }

    private void writeOwner(URI running, String owner) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("instance", owner);
        properties.setProperty("uri", running.toString());
        try (var out = Files.newOutputStream(home.resolve(OWNER_FILE))) {
            properties.store(out, "the instance that stops this node when it leaves");
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    /** One instance at a time decides; the JVM-wide lock covers two instances in one JVM, which a file lock does not. */
    private <T> T locked(Step<T> step) {
        synchronized (SharedDirectoryNode.class) {
            try {
                Files.createDirectories(home);
                try (FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    return step.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not coordinate the Elasticsearch node in " + home + ": " + e, e);
            }
        }
    }
}
