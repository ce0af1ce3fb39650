package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Docker daemon answers, asked the way Docker's own clients find it ({@code DOCKER_HOST}, else the usual
 * sockets) with its {@code /_ping} call, without any Docker library: the check that lets the Testcontainers choice stop
 * at once, with one sentence, on a machine without Docker.
 *
 * <p>As a program (Maven runs it before any test when the tests are to use Testcontainers) it exits 1 with that
 * sentence when no daemon answers.
 */
public class DockerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final byte[] PING = "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<String> endpoints;

    DockerProbe(List<String> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** The endpoints Docker's clients would try on this machine. */
    public static DockerProbe forThisMachine() {
        return forEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static DockerProbe forEnvironment(Map<String, String> environment, String userHome) {
        String configured = environment.get("DOCKER_HOST");
        if (configured != null && !configured.isBlank()) {
            return new DockerProbe(List.of(configured));
        }
        List<String> sockets = new ArrayList<>(List.of("unix:///var/run/docker.sock", "unix://" + userHome + "/.docker/run/docker.sock"));
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null) {
            sockets.add("unix://" + runtime + "/docker.sock");
        }
        return new DockerProbe(sockets);
    }

    /** Empty when a daemon answered; otherwise what was tried, for the sentence that says Docker is missing. */
    public Optional<String> unavailable() {
        for (String endpoint : endpoints) {
            if (answers(endpoint)) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(", ", endpoints));
    }

    private static boolean answers(String endpoint) {
        try {
            if (endpoint.startsWith("unix://")) {
                Path socket = Path.of(endpoint.substring("unix://".length()));
                return Files.exists(socket) && pingUnix(socket);
            }
            if (endpoint.startsWith("tcp://")) {
                URI address = URI.create("http://" + endpoint.substring("tcp://".length()));
                return pingTcp(address.getHost(), address.getPort() < 0 ? 2375 : address.getPort());
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A plain socket, as for the Unix socket: an HTTP client would cost more to start than the whole check. */
    private static boolean pingTcp(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(PING);
            byte[] answer = socket.getInputStream().readNBytes(12);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        }
    }

    private static boolean pingUnix(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(PING));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        }
    }

    public static void main(String[] args) {
        Optional<String> missing = forThisMachine().unavailable();
        if (missing.isPresent()) {
            System.err.println(TestElasticsearchChoice.noDockerSentence(missing.get()));
            System.exit(1);
        }
        System.out.println("[docker] a Docker daemon answers: the tests use a Testcontainers Elasticsearch");
    }
}
