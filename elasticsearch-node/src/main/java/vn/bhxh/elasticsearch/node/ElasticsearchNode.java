package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Elasticsearch node, started from the integ-test-zip distribution, bound to 127.0.0.1: a
 * single-node cluster of its own, or one node of an {@link ElasticsearchCluster} on this machine; with
 * security off (it is reachable from this machine only). Its output goes to {@code logs/console.log} under the node's home; a failed start names the cause and that file.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());
    private static final String PID_FILE = "elasticsearch.pid";

    private final NodeSettings settings;
    private final JdkLocator jdkLocator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int httpPort;
    /** Custom node attribute holding {@link #launchId}. */
    private static final String LAUNCH_ATTRIBUTE = "bhxh_launch";
    private String launchId;
    private Thread shutdownHook;
    private boolean stopWithJvm = true;
    private Duration lastStartupTime;
    private long logStart;

    public ElasticsearchNode(NodeSettings settings) {
        this(settings, JdkLocator.forThisMachine());
    }

    public ElasticsearchNode(NodeSettings settings, JdkLocator jdkLocator) {
        this.settings = settings;
        this.jdkLocator = jdkLocator;
    }

    /** Starts the node and waits until it answers cluster health; returns its HTTP address. */
    public synchronized URI start() {
        if (isRunning()) {
            return uri();
        }
        Instant began = Instant.now();
        int attempts = settings.httpPort() == 0 ? 3 : 1;
        for (int attempt = 1; ; attempt++) {
            launch();
            try {
                awaitReady();
                break;
            } catch (PortTakenException e) {
                // A free port found a moment ago can be taken by someone else before the node binds it.
                if (attempt >= attempts) {
                    throw new ElasticsearchNodeException(e.getMessage());
                }
            }
        }
        return started(began);
    }

    /**
     * Launches the node's process without waiting for it: the nodes of a new cluster only answer once enough of
     * them run to elect a master, so {@link ElasticsearchCluster} launches them all before it waits for any.
     */
    synchronized void launch() {
        Path javaHome = jdkLocator.locate();
        Path esHome = Distribution.unpack(settings.distributionZip(), settings.installDirectory());
        Path home = settings.homeDirectory();
        stopLeftoverNode(home);
        prepareHome(esHome, home);
        httpPort = settings.httpPort() == 0 ? freePort() : settings.httpPort();
        int transportPort = settings.cluster() == null ? freePort() : settings.cluster().transportPort();
        process = launch(javaHome, esHome, home, httpPort, transportPort);
    }

    /** Waits for a node {@link #launch() launched} before to answer; returns its HTTP address. */
    synchronized URI awaitStarted(Instant began) {
        try {
            awaitReady();
        } catch (PortTakenException e) {
            throw new ElasticsearchNodeException(e.getMessage());
        }
        return started(began);
    }

    /** Leaves stopping to the caller when the JVM exits (a node shared by several instances may outlive its starter). */
    synchronized void keepRunningWhenJvmExits() {
        stopWithJvm = false;
    }

    private URI started(Instant began) {
        lastStartupTime = Duration.between(began, Instant.now());
        if (stopWithJvm) {
            shutdownHook = new Thread(this::stopQuietly, "elasticsearch-node-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LOG.log(System.Logger.Level.INFO, "Elasticsearch started at {0} in {1} ms (home {2})",
                uri(), lastStartupTime.toMillis(), settings.homeDirectory());
        return uri();
    }

    /** The node's address; before its first start, the configured port (0 when it is to pick a free one). */
    public synchronized URI uri() {
        return URI.create("http://127.0.0.1:" + (httpPort != 0 ? httpPort : settings.httpPort()));
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the Elasticsearch server JVM (not of its launcher). */
    public synchronized long serverPid() {
        return readPid(settings.homeDirectory().resolve(PID_FILE));
    }

    public Duration lastStartupTime() {
        return lastStartupTime;
    }

    public Path logFile() {
        return settings.homeDirectory().resolve("logs/console.log");
    }

    /** Stops the node (SIGTERM, then kill after 30 s) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join());
        process = null;
        if (shutdownHook != null && !Thread.currentThread().getName().equals(shutdownHook.getName())) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook runs anyway.
            }
        }
        shutdownHook = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Kills the server JVM at once (SIGKILL), as a crash or a pulled plug would; {@link #stop()} then cleans up. */
    public synchronized void kill() {
        ProcessHandle.of(serverPid()).ifPresent(server -> {
            server.destroyForcibly();
            server.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        });
        stop();
    }

    /** Freezes the server JVM (SIGSTOP), as a long garbage collection or a network partition looks from outside. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} server JVM run again (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(serverPid())).redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new ElasticsearchNodeException("kill -" + name + " failed: " + new String(kill.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not send SIG" + name + " to Elasticsearch: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchNodeException("Interrupted while sending SIG" + name);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not stop Elasticsearch cleanly", e);
        }
    }

    private Process launch(Path javaHome, Path esHome, Path home, int port, int transportPort) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + settings.unprivilegedUser(), "--regid=" + primaryGroup(),
                    "--clear-groups"));
        }
        command.add(esHome.resolve("bin/elasticsearch").toString());
        command.addAll(List.of("-p", home.resolve(PID_FILE).toString()));
        Map<String, String> options = new LinkedHashMap<>();
        ClusterMembership cluster = settings.cluster();
        if (cluster == null) {
            options.put("cluster.name", "bhxh-local");
            options.put("node.name", "bhxh-local-node");
            options.put("discovery.type", "single-node");
        } else {
            options.put("cluster.name", cluster.clusterName());
            options.put("node.name", cluster.nodeName());
            options.put("discovery.seed_hosts", cluster.seedHosts());
            // Read only when the cluster forms for the first time; a node rejoining with its data ignores it.
            options.put("cluster.initial_master_nodes", String.join(",", cluster.initialMasterNodes()));
        }
        // Names this launch, so that waiting for the node recognises it and not another node that took the port.
        launchId = UUID.randomUUID().toString();
        options.put("node.attr." + LAUNCH_ATTRIBUTE, launchId);
        options.put("network.host", "127.0.0.1");
        options.put("http.port", Integer.toString(port));
        options.put("transport.port", Integer.toString(transportPort));
        options.put("path.data", home.resolve("data").toString());
        options.put("path.logs", home.resolve("logs").toString());
        // Filesystem snapshot repositories (backups) may only live under path.repo.
        options.put("path.repo", settings.snapshotPath().toAbsolutePath().toString());
        // Security is off only on these nodes, which listen on the loopback address alone.
        options.put("xpack.security.enabled", "false");
        // Development disks are often nearly full; the node must not turn read-only on them.
        options.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        options.forEach((key, value) -> command.add("-E" + key + "=" + value));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.resolve("logs").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.remove("JAVA_HOME");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("ES_PATH_CONF", home.resolve("config").toString());
        env.put("ES_TMPDIR", home.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", ("-Xms" + settings.heap() + " -Xmx" + settings.heap() + " " + settings.jvmOptions()).strip());
        try {
            logStart = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            Files.writeString(logFile(), "---- " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return builder.start();
        } catch (IOException e) {
            String hint = isRoot() ? " (as root it runs through setpriv, from util-linux)" : "";
            throw new ElasticsearchNodeException("Could not launch Elasticsearch" + hint + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        HttpRequest health = HttpRequest.newBuilder(uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw diagnoseFailedStart();
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && answeringNodeIsThisLaunch()) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopQuietly();
                throw new ElasticsearchNodeException("Interrupted while waiting for Elasticsearch to start");
            }
            sleep(200);
        }
        stopQuietly();
        throw new ElasticsearchNodeException("Elasticsearch did not answer on " + uri() + " within "
                + settings.startupTimeout().toSeconds() + " s; see " + logFile() + lastLines());
    }

    /**
     * Whether the node answering on our port is the one this launch started. A free port found before the launch can
     * be bound by another node (of another test run, or another test's) while this one's JVM is still starting; that
     * node then answers health on "our" address, and without this check this node's users would write into a stranger's
     * store while this process dies of the taken port a moment later.
     */
    private boolean answeringNodeIsThisLaunch() throws IOException, InterruptedException {
        HttpRequest local = HttpRequest.newBuilder(uri().resolve("/_nodes/_local?filter_path=nodes.*.attributes." + LAUNCH_ATTRIBUTE))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = http.send(local, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"" + launchId + "\"");
    }

    private RuntimeException diagnoseFailedStart() {
        String log = readLog();
        String where = "; see " + logFile() + lastLines();
        if (log.contains("BindException") || log.contains("Address already in use")) {
            return new PortTakenException("Elasticsearch could not bind 127.0.0.1:" + httpPort
                    + ": the port is already in use" + where);
        }
        if (log.contains("can not run elasticsearch as root")) {
            return new ElasticsearchNodeException("Elasticsearch refuses to run as root: set the unprivileged user it runs as" + where);
        }
        if (log.contains("AccessDeniedException") || log.contains("Permission denied")) {
            return new ElasticsearchNodeException("Elasticsearch could not access its files: user '"
                    + (isRoot() ? settings.unprivilegedUser() : System.getProperty("user.name")) + "' needs to own "
                    + settings.homeDirectory() + " and to read " + settings.installDirectory() + where);
        }
        if (log.contains("UnsupportedClassVersionError") || log.contains("JAVA_HOME") || log.contains("ES_JAVA_HOME")) {
            return new ElasticsearchNodeException("Elasticsearch could not start its JVM: it needs a JDK "
                    + JdkLocator.MINIMUM_VERSION + " or newer" + where);
        }
        if (log.contains("failed to obtain node locks")) {
            return new ElasticsearchNodeException("Another Elasticsearch is using the data directory "
                    + settings.homeDirectory().resolve("data") + where);
        }
        return new ElasticsearchNodeException("Elasticsearch exited during startup with code "
                + process.exitValue() + where);
    }

    /** Prepares the node's home: its own copy of the config, and data, logs and tmp owned by the node's user. */
    private void prepareHome(Path esHome, Path home) {
        try {
            for (String dir : List.of("data", "logs", "tmp")) {
                Files.createDirectories(home.resolve(dir));
            }
            Path config = home.resolve("config");
            if (!Files.exists(config.resolve("elasticsearch.yml"))) {
                copyTree(esHome.resolve("config"), config);
            }
            Files.deleteIfExists(home.resolve(PID_FILE));
            Path snapshots = settings.snapshotPath().toAbsolutePath();
            Files.createDirectories(snapshots);
            if (isRoot()) {
                checkReachableBy(settings.unprivilegedUser(), home);
                checkReachableBy(settings.unprivilegedUser(), esHome);
                chownTree(home, settings.unprivilegedUser());
                if (!snapshots.startsWith(home.toAbsolutePath())) {
                    checkReachableBy(settings.unprivilegedUser(), snapshots);
                    chownTree(snapshots, settings.unprivilegedUser());
                }
            }
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not prepare the Elasticsearch directory " + home + ": " + e, e);
        }
    }

    /**
     * A node whose JVM was killed (kill -9, a crashed IDE) keeps running and holds the data directory's
     * lock; stop it so this run can start.
     */
    static void stopLeftoverNode(Path home) {
        long pid = readPid(home.resolve(PID_FILE));
        if (pid <= 0) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains("org.elasticsearch")).orElse(false))
                .ifPresent(leftover -> {
                    LOG.log(System.Logger.Level.WARNING, "Stopping a left-over Elasticsearch (pid {0}) that holds {1}", pid, home);
                    leftover.destroy();
                    try {
                        leftover.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        leftover.destroyForcibly();
                    }
                });
    }

    private static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void checkReachableBy(String user, Path path) throws IOException {
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)
                    && !Files.getOwner(dir).getName().equals(user)) {
                throw new ElasticsearchNodeException("Elasticsearch runs as '" + user + "', who cannot enter " + dir
                        + " on the way to " + path + ": put the data directory somewhere that user can reach, or allow it"
                        + " with chmod o+x " + dir);
            }
        }
    }

    private static void chownTree(Path root, String user) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        var owner = lookup.lookupPrincipalByName(user);
        var group = lookup.lookupPrincipalByGroupName(primaryGroup());
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Debian names the unprivileged group of nobody "nogroup"; other systems call it "nobody". */
    private static String primaryGroup() {
        try {
            return Files.readAllLines(Path.of("/etc/group")).stream().anyMatch(line -> line.startsWith("nogroup:"))
                    ? "nogroup" : "nobody";
        } catch (IOException e) {
            return "nogroup";
        }
    }

    /** A port nobody listens on right now, on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ElasticsearchNodeException("No free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** This start's part of the log: earlier runs append to the same file. */
    private String readLog() {
        try {
            byte[] all = Files.readAllBytes(logFile());
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String lastLines() {
        List<String> lines = readLog().lines().toList();
        return "\nLast lines of the log:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class PortTakenException extends ElasticsearchNodeException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
