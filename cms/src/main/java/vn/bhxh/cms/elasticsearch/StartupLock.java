package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance at a time writes the start-up data (first administrator, reference data, demo products): several
 * instances started together on an empty store would each find it empty and each load it. The lock is one document
 * created with {@code op_type=create}, which Elasticsearch lets exactly one instance do; it names its holder and
 * expires, so an instance killed while holding it keeps the others waiting only until then.
 */
@Component
public class StartupLock {

    static final String DEFAULT_INDEX = "startup-lock";
    private static final String ID = "first-start";
    /** Far longer than loading the demo data takes on a slow machine; only a holder that died waits this out. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final String index;
    private final Rest5Client client;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, String> replicaSettings;
    private final String holder = holderName();
    private final AtomicBoolean working = new AtomicBoolean();

    @Autowired
    StartupLock(Rest5Client client, JsonMapper json, Clock clock, IndexProperties properties) {
        this(DEFAULT_INDEX, client, json, clock, properties);
    }

    /** With an index of its own: tests lock without touching the lock every application on the node shares. */
    StartupLock(String index, Rest5Client client, JsonMapper json, Clock clock, IndexProperties properties) {
        this.index = index;
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.replicaSettings = properties.replicaSettings();
    }

    /**
     * Runs {@code work} while holding the lock and releases it afterwards, also when the work fails.
     *
     * @return false, without running it, when another live instance holds the lock (try again later)
     */
    public boolean runExclusively(Runnable work) {
        if (!working.compareAndSet(false, true)) {
            return false; // another thread of this instance holds it
        }
        try {
            if (!acquire()) {
                return false;
            }
            try {
                work.run();
            } finally {
                release();
            }
            return true;
        } finally {
            working.set(false);
        }
    }

    /** Package-private for tests, which leave a lock behind as an instance does when Elasticsearch goes away mid-work. */
    boolean acquire() {
        createIndexIfMissing();
        if (create()) {
            return true;
        }
        Optional<Held> current = read();
        if (current.isEmpty()) {
            return create(); // released between our attempt and the read
        }
        if (current.get().holder().equals(holder)) {
            // Ours, from an earlier attempt whose release did not reach Elasticsearch (it went down mid-work): nobody
            // else is working under it, and waiting for it to expire would keep this instance unready for the lease.
            log.info("Taking back the start-up lock this instance left behind when Elasticsearch went away");
            return delete(current.get()) && create();
        }
        if (current.get().expiresAt().isAfter(clock.instant())) {
            log.info("Instance {} is writing the start-up data; this one waits for it", current.get().holder());
            return false;
        }
        log.warn("Taking over the start-up lock of instance {}, which let it expire", current.get().holder());
        return delete(current.get()) && create();
    }

    private boolean create() {
        Request request = new Request("PUT", "/" + index + "/_create/" + ID);
        request.addParameter("refresh", "true");
        request.setJsonEntity(json.writeValueAsString(Map.of("holder", holder,
                "expiresAt", clock.instant().plus(LEASE).toEpochMilli())));
        return send(request, 409).isPresent();
    }

    private Optional<Held> read() {
        return send(new Request("GET", "/" + index + "/_doc/" + ID), 404).map(body -> {
            JsonNode source = body.get("_source");
            return new Held(source.get("holder").asString(), Instant.ofEpochMilli(source.get("expiresAt").asLong()),
                    body.get("_seq_no").asLong(), body.get("_primary_term").asLong());
        });
    }

    /** Deletes exactly the version read: of two instances taking over an expired lock, one deletes it. */
    private boolean delete(Held held) {
        Request request = new Request("DELETE", "/" + index + "/_doc/" + ID);
        request.addParameter("if_seq_no", Long.toString(held.seqNo()));
        request.addParameter("if_primary_term", Long.toString(held.primaryTerm()));
        request.addParameter("refresh", "true");
        return send(request, 409).isPresent();
    }

    private void release() {
        Optional<Held> current = read();
        if (current.isPresent() && current.get().holder().equals(holder)) {
            delete(current.get());
        }
    }

    private void createIndexIfMissing() {
        if (send(new Request("HEAD", "/" + index), 404).isPresent()) {
            return;
        }
        Request create = new Request("PUT", "/" + index);
        create.setJsonEntity(json.writeValueAsString(Map.of("settings", replicaSettings,
                "mappings", Map.of("dynamic", false))));
        send(create, 400); // 400: another instance created it a moment ago
    }

    /** The answer's JSON, or empty when Elasticsearch answered {@code expectedFailure}; other failures are thrown. */
    private Optional<JsonNode> send(Request request, int expectedFailure) {
        try {
            Response response = client.performRequest(request);
            if (response.getStatusCode() == expectedFailure) {
                return Optional.empty(); // HEAD answers 404 without an exception
            }
            if (response.getEntity() == null) {
                return Optional.of(json.createObjectNode());
            }
            return Optional.of(json.readTree(EntityUtils.toString(response.getEntity())));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusCode() == expectedFailure) {
                return Optional.empty();
            }
            throw new ElasticsearchUnavailableException("Start-up lock: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "cms";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Held(String holder, Instant expiresAt, long seqNo, long primaryTerm) {
    }
}
