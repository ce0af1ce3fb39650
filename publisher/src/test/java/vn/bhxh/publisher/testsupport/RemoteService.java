package vn.bhxh.publisher.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.PublishJob;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A WireMock server standing in for a remote service, plus the plumbing to call a connector directly. */
public final class RemoteService implements AutoCloseable {

    private static RemoteService shared;
    private final WireMockServer server;

    /** One server for the whole test JVM (starting WireMock costs seconds); each test class resets it after each test. */
    public static synchronized RemoteService shared() {
        if (shared == null) {
            shared = new RemoteService();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private RemoteService() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(12).jettyAcceptors(1));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A delivery request whose connector memory and renewed credentials are kept in plain maps for the test to read. */
    public static Call call(PublishJob job, Target target, Map<String, String> credentials) {
        return new Call(job, target, credentials, null);
    }

    /** The same for a new revision of a variant whose earlier revision {@code previous} is on the target. */
    public static Call call(PublishJob job, Target target, Map<String, String> credentials, PublishJob previous) {
        return new Call(job, target, credentials, previous);
    }

    public static final class Call {
        public final Map<String, String> memory = new HashMap<>();
        public final AtomicReference<Map<String, String>> renewed = new AtomicReference<>();
        public final DeliveryRequest request;

        Call(PublishJob job, Target target, Map<String, String> credentials, PublishJob previous) {
            request = new DeliveryRequest(job, target, new Credentials(credentials), new DeliveryRequest.ConnectorMemory() {
                @Override
                public String recall(String key) {
                    return memory.get(key);
                }

                @Override
                public void remember(String key, String value) {
                    memory.put(key, value);
                }
            }, renewed::set, previous);
        }
    }
}
