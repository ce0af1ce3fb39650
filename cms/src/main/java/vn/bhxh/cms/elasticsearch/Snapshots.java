package vn.bhxh.cms.elasticsearch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Snapshots of the application's indices in a filesystem repository ({@code type: fs}). The repository's location
 * must lie under {@code path.repo} of every node (the managed node gets it from {@code bhxh.backup}); one repository
 * holds every backup's snapshot, and Elasticsearch stores each segment once, so later backups copy only what changed.
 */
public class Snapshots {

    static final String REPOSITORY = "bhxh-backups";
    private static final Duration POLL = Duration.ofMillis(500);

    private final ElasticsearchRequests elasticsearch;
    private final String location;

    /** @param location the repository's directory as the Elasticsearch nodes see it */
    public Snapshots(ElasticsearchRequests elasticsearch, String location) {
        this.elasticsearch = elasticsearch;
        this.location = location;
    }

    /**
     * Snapshots these indices (with their aliases, without the cluster's global state) and waits until it is done.
     *
     * @return the snapshot's indices, as Elasticsearch reports them
     */
    public List<String> create(String snapshot, List<String> indices, Duration patience) {
        register(false);
        elasticsearch.send("PUT", "/_snapshot/" + REPOSITORY + "/" + snapshot,
                Map.of("indices", String.join(",", indices), "include_global_state", false, "ignore_unavailable", false));
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode info = elasticsearch.send("GET", "/_snapshot/" + REPOSITORY + "/" + snapshot, null).path("snapshots").path(0);
            String state = info.path("state").asString("");
            if ("SUCCESS".equals(state)) {
                List<String> done = new java.util.ArrayList<>();
                info.path("indices").forEach(index -> done.add(index.asString()));
                return done;
            }
            if ("FAILED".equals(state) || "PARTIAL".equals(state) || "INCOMPATIBLE".equals(state)) {
                throw new IllegalStateException("Snapshot " + snapshot + " ended " + state + ": " + info.path("reason").asString(""));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Snapshot " + snapshot + " did not finish within " + patience.toMinutes() + " min");
            }
            sleep();
        }
    }

    /** Restores every index of the snapshot with its aliases; the cluster must hold none of them. Waits until done. */
    public void restore(String snapshot) {
        register(true);
        elasticsearch.send("POST", "/_snapshot/" + REPOSITORY + "/" + snapshot + "/_restore?wait_for_completion=true",
                Map.of("indices", "*", "include_aliases", true, "include_global_state", false));
    }

    /**
     * Registers the repository; read-only where a restore only reads it (the cluster that made the backups may still
     * write to it). Registering again with the same settings changes nothing.
     */
    private void register(boolean readOnly) {
        elasticsearch.send("PUT", "/_snapshot/" + REPOSITORY,
                Map.of("type", "fs", "settings", Map.of("location", location, "readonly", readOnly)));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a snapshot", e);
        }
    }
}
