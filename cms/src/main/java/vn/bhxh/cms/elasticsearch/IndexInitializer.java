package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.IndexOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the indices of every document class with their mappings, each behind its alias at its mapping version, and
 * migrates those made by an earlier version ({@link IndexLifecycle}), one instance at a time under the start-up lock. Spring Data's own creation runs while the
 * context starts and would stop the application when Elasticsearch is down; this retries in the background
 * instead, and the API answers 503 until it has succeeded. Writes before that would let Elasticsearch create
 * indices with guessed mappings.
 */
@Component
public class IndexInitializer {

    private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

    private final ElasticsearchOperations operations;
    private final List<IndexedDocument> documents;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean indicesExist = new AtomicBoolean();
    private final AtomicBoolean ready = new AtomicBoolean();

    private final IndexProperties properties;
    private final StartupLock startupLock;
    private final List<IndexDefinition> otherIndices;
    private final IndexLifecycle lifecycle;
    /** Looked up when used: a preparation (the restore) needs this initializer in turn. */
    private final ObjectProvider<IndexPreparation> preparations;

    public IndexInitializer(ElasticsearchOperations operations, List<IndexedDocument> documents, ApplicationEventPublisher events,
            IndexProperties properties, StartupLock startupLock, List<IndexDefinition> otherIndices, Rest5Client client,
            ObjectProvider<IndexPreparation> preparations) {
        this.operations = operations;
        this.documents = documents;
        this.events = events;
        this.properties = properties;
        this.startupLock = startupLock;
        this.otherIndices = otherIndices;
        this.preparations = preparations;
        Map<String, String> common = new LinkedHashMap<>(properties.replicaSettings());
        // Writes wait for the next refresh (refresh=wait_for), so this interval is also their latency.
        common.put("index.refresh_interval", properties.refreshInterval().toMillis() + "ms");
        this.lifecycle = new IndexLifecycle(new ElasticsearchRequests(client, properties.migrationTimeout()), common);
    }

    /** Every index the application manages, with the mapping version this build expects. */
    public List<IndexDefinition> definitions() {
        List<IndexDefinition> all = new ArrayList<>();
        for (IndexedDocument document : documents) {
            IndexOperations index = operations.indexOps(document.type());
            // Flattened first: Spring Data's own default sits under a nested "index" key and would win.
            Map<String, Object> settings = new LinkedHashMap<>(index.createSettings(document.type()).flatten());
            // Spring Data puts one replica by default; the configured count replaces it.
            settings.remove("index.number_of_replicas");
            all.add(new IndexDefinition(index.getIndexCoordinates().getIndexName(), document.mappingVersion(), settings,
                    index.createMapping(document.type())));
        }
        all.addAll(otherIndices);
        return all;
    }

    /** Runs from the start and every few seconds until every index exists and start-up data is written. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${bhxh.elasticsearch.index-retry-interval:5s}")
    public void ensureIndices() {
        if (ready.get()) {
            return;
        }
        try {
            List<IndexDefinition> definitions = definitions();
            // Creating or migrating is one instance's work: the others wait and then find every alias at its version.
            boolean done = startupLock.runExclusively(() -> {
                preparations.orderedStream().forEach(preparation -> preparation.beforeIndices(definitions));
                lifecycle.applyAll(definitions);
            });
            if (!done) {
                return;
            }
        } catch (StartupRefusedException e) {
            log.error("{}", e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("Elasticsearch is not available yet ({}); retrying", e.getMessage());
            return;
        }
        indicesExist.set(true);
        try {
            // Start-up data (the first administrator, reference and demo data) is written before isReady() says so.
            if (!writeStartupData()) {
                return; // another instance is writing it: look again at the next interval
            }
        } catch (RuntimeException e) {
            log.warn("Start-up data could not be written yet ({}); retrying", e.getMessage());
            return;
        }
        ready.set(true);
    }

    /**
     * Writes the start-up data, one instance at a time: each finds out what is missing only once the one before it
     * has finished, and the refresh makes what it wrote visible to the next one's checks.
     *
     * @return false when another instance holds the start-up lock
     */
    public boolean writeStartupData() {
        return startupLock.runExclusively(() -> {
            events.publishEvent(new IndicesReadyEvent(this));
            documents.forEach(document -> operations.indexOps(document.type()).refresh());
        });
    }

    /** Indices exist and start-up data is written. */
    public boolean isReady() {
        return ready.get();
    }

    /** Every index exists behind its alias at this build's mapping version (start-up data may still be loading). */
    public boolean indicesExist() {
        return indicesExist.get();
    }

    /** Requests may use the indices: they exist (start-up data may still be loading). */
    public void requireReady() {
        if (!indicesExist.get()) {
            throw new ElasticsearchUnavailableException("Elasticsearch has not been reachable since the application started");
        }
    }
}
