package vn.bhxh.cms.elasticsearch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Puts every index behind its alias at the mapping version the application expects. An alias at that version is left
 * alone; no alias and no index: {@code <alias>-v<N>} is created with the alias in one request; an older version, or a
 * plain index of the alias's name (an installation from before aliases), is migrated: the old index is made read-only,
 * its documents are copied into the new index by the application itself (scroll and bulk: the managed node has no
 * reindex module), the counts are compared, and one {@code _aliases} request moves the alias and deletes the old index,
 * so readers see the old index or the new one, never a half-filled one. An alias at a newer version (a newer
 * application migrated it) is left as it is.
 *
 * <p>Run by one instance at a time, under the start-up lock: a second instance starting at the same moment finds the
 * work done. An instance killed mid-copy leaves the old index behind its alias, read-only, and an unfinished new index
 * that the next run deletes and fills again.
 */
public class IndexLifecycle {

    /** Documents per scroll page and per bulk request: well under the bulk size limit for our documents. */
    static final int BATCH = 500;
    /** Indices created or checked at once: enough to overlap the waits, few enough not to crowd a small node. */
    static final int PARALLEL = 8;
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");
    private static final Logger log = LoggerFactory.getLogger(IndexLifecycle.class);

    private final ElasticsearchRequests elasticsearch;
    private final Map<String, String> commonSettings;

    /**
     * @param commonSettings settings every created index gets (replicas, refresh interval), over the definition's own
     */
    public IndexLifecycle(ElasticsearchRequests elasticsearch, Map<String, String> commonSettings) {
        this.elasticsearch = elasticsearch;
        this.commonSettings = Map.copyOf(commonSettings);
    }

    /** What {@link #apply} did to one index. */
    public enum Outcome { UP_TO_DATE, CREATED, MIGRATED, NEWER_KEPT }

    /**
     * Applies every definition, several at once: on a first start each creation waits for the cluster to record the new
     * index and start its shard, and one after another that took over a second each on a busy machine, with the API
     * answering 503 meanwhile. The indices are independent of one another. Every definition is tried; the first
     * failure is thrown once all have finished.
     */
    public Map<String, Outcome> applyAll(List<IndexDefinition> definitions) {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, Math.max(1, definitions.size())))) {
            for (IndexDefinition definition : definitions) {
                pool.execute(() -> {
                    try {
                        outcomes.put(definition.alias(), apply(definition));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                });
            }
        } // close() waits for every task
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return Map.copyOf(outcomes);
    }

    public Outcome apply(IndexDefinition definition) {
        String alias = definition.alias();
        Optional<String> current = indexBehindAlias(alias);
        if (current.isPresent()) {
            int version = versionOf(current.get(), alias);
            if (version == definition.version()) {
                return Outcome.UP_TO_DATE;
            }
            if (version > definition.version()) {
                log.warn("Index {} is at mapping version {}, newer than this application's {}: left as it is", alias, version,
                        definition.version());
                return Outcome.NEWER_KEPT;
            }
            migrate(definition, current.get());
            return Outcome.MIGRATED;
        }
        if (elasticsearch.exists(alias)) {
            migrate(definition, alias); // a plain index under the alias's name: an installation from before aliases
            return Outcome.MIGRATED;
        }
        deleteUnfinished(definition.versionedIndex());
        Map<String, Object> body = createBody(definition);
        body.put("aliases", Map.of(alias, Map.of()));
        elasticsearch.send("PUT", "/" + definition.versionedIndex(), body);
        log.info("Created index {} behind alias {}", definition.versionedIndex(), alias);
        return Outcome.CREATED;
    }

    /** The one concrete index the alias points to, if the name is an alias. */
    Optional<String> indexBehindAlias(String alias) {
        return elasticsearch.sendAllowing("GET", "/_alias/" + alias, null, Set.of(404)).map(answer -> {
            List<String> indices = new ArrayList<>(answer.propertyNames());
            if (indices.size() != 1) {
                throw new IllegalStateException("Alias " + alias + " points to " + indices + "; the application expects one index");
            }
            return indices.get(0);
        });
    }

    private static int versionOf(String index, String alias) {
        Matcher matcher = VERSIONED.matcher(index);
        if (!matcher.matches() || !matcher.group(1).equals(alias)) {
            throw new IllegalStateException("Alias " + alias + " points to " + index + ", not to " + alias + "-v<version>");
        }
        return Integer.parseInt(matcher.group(2));
    }

    private void migrate(IndexDefinition definition, String from) {
        String to = definition.versionedIndex();
        long started = System.nanoTime();
        log.info("Migrating {} from {} to {} (mapping version {})", definition.alias(), from, to, definition.version());
        // Writes to the old index would be lost once the alias moves: they fail instead, until the new index serves.
        setWriteBlock(from, true);
        try {
            deleteUnfinished(to);
            elasticsearch.send("PUT", "/" + to, createBody(definition));
            long copied = copy(from, to);
            elasticsearch.send("POST", "/" + to + "/_refresh", null);
            long expected = count(from);
            long found = count(to);
            if (found != expected) {
                throw new IllegalStateException("Copied " + found + " documents of " + expected + " from " + from + " to " + to);
            }
            // Deleting the old index removes its alias too: one request, one cluster state change, nothing in between.
            elasticsearch.send("POST", "/_aliases", Map.of("actions", List.of(
                    Map.of("add", Map.of("index", to, "alias", definition.alias())),
                    Map.of("remove_index", Map.of("index", from)))));
            log.info("Migrated {}: {} documents copied from {} to {} in {} ms", definition.alias(), copied, from, to,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The old index still serves behind its name: let it take writes again.
            setWriteBlock(from, false);
            throw e;
        }
    }

    /** Copies every document with its id and source as stored, page by page; returns how many. */
    long copy(String from, String to) {
        long[] copied = {0};
        elasticsearch.scroll(from, Map.of(), BATCH, hits -> {
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append(ElasticsearchRequests.JSON.writeValueAsString(
                        Map.of("index", Map.of("_index", to, "_id", hit.get("_id").asString())))).append('\n');
                bulk.append(ElasticsearchRequests.JSON.writeValueAsString(hit.get("_source"))).append('\n');
            }
            JsonNode answer = elasticsearch.send("POST", "/_bulk", bulk.toString());
            if (answer.path("errors").asBoolean()) {
                throw new IllegalStateException("Copying " + from + " to " + to + " failed: " + firstError(answer));
            }
            copied[0] += hits.size();
        });
        return copied[0];
    }

    private static String firstError(JsonNode bulkAnswer) {
        for (JsonNode item : bulkAnswer.path("items")) {
            JsonNode error = item.path("index").path("error");
            if (!error.isMissingNode()) {
                return error.path("reason").asString("");
            }
        }
        return "";
    }

    private long count(String index) {
        return elasticsearch.send("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    private void setWriteBlock(String index, boolean blocked) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("index.blocks.write", blocked ? Boolean.TRUE : null);
        elasticsearch.sendAllowing("PUT", "/" + index + "/_settings", settings, Set.of(404));
    }

    /** A versioned index that no alias points to is what a copy interrupted before the alias moved left behind. */
    private void deleteUnfinished(String index) {
        if (elasticsearch.exists(index) && indexBehindAliasOf(index).isEmpty()) {
            log.warn("Deleting {}, left unfinished by an interrupted migration; it is filled again", index);
            elasticsearch.send("DELETE", "/" + index, null);
        }
    }

    private Optional<String> indexBehindAliasOf(String index) {
        JsonNode aliases = elasticsearch.send("GET", "/" + index + "/_alias", null).path(index).path("aliases");
        return aliases.isEmpty() ? Optional.empty() : Optional.of(aliases.propertyNames().iterator().next());
    }

    private Map<String, Object> createBody(IndexDefinition definition) {
        Map<String, Object> settings = new LinkedHashMap<>(definition.settings());
        settings.putAll(commonSettings);
        Map<String, Object> mappings = new LinkedHashMap<>(definition.mappings());
        // Says in the index itself which version of the mapping it was made with, for people inspecting the cluster.
        mappings.put("_meta", Map.of("mappingVersion", definition.version()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", settings);
        body.put("mappings", mappings);
        return body;
    }
}
