package vn.bhxh.cms.elasticsearch;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.IndexOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the indices of every document class with their mappings. Spring Data's own creation runs while the
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

    public IndexInitializer(ElasticsearchOperations operations, List<IndexedDocument> documents, ApplicationEventPublisher events,
            IndexProperties properties, StartupLock startupLock) {
        this.operations = operations;
        this.documents = documents;
        this.events = events;
        this.properties = properties;
        this.startupLock = startupLock;
    }

    /** Runs from the start and every few seconds until every index exists and start-up data is written. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${bhxh.elasticsearch.index-retry-interval:5s}")
    public void ensureIndices() {
        if (ready.get()) {
            return;
        }
        try {
            for (IndexedDocument document : documents) {
                IndexOperations index = operations.indexOps(document.type());
                if (!index.exists()) {
                    // Writes wait for the next refresh (refresh=wait_for), so this interval is also their latency.
                    // Flattened first: Spring Data's own default sits under a nested "index" key and would win.
                    var settings = index.createSettings(document.type()).flatten();
                    settings.put("index.refresh_interval", properties.refreshInterval().toMillis() + "ms");
                    // Spring Data puts one replica by default; the configured count replaces it.
                    settings.remove("index.number_of_replicas");
                    settings.putAll(properties.replicaSettings());
                    index.create(settings, index.createMapping(document.type()));
                    log.info("Created index {} for {}", index.getIndexCoordinates().getIndexName(), document.type().getSimpleName());
                }
            }
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

    /** Requests may use the indices: they exist (start-up data may still be loading). */
    public void requireReady() {
        if (!indicesExist.get()) {
            throw new ElasticsearchUnavailableException("Elasticsearch has not been reachable since the application started");
        }
    }
}
