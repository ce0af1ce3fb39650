package vn.bhxh.cms.elasticsearch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.bhxh.elasticsearch.node.NodeSettings;
import vn.bhxh.elasticsearch.node.SharedDirectoryNode;

/**
 * Starts the application's own Elasticsearch node when no cluster is configured, and points
 * {@code spring.elasticsearch.uris} at it. Registered by {@code CmsApplication.main}, so tests (which
 * configure their own node) never start one. Several instances on one data directory share one node: the last one
 * to exit (also on Ctrl-C) stops it.
 */
public class EmbeddedElasticsearch implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String URIS = "spring.elasticsearch.uris";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private SharedDirectoryNode node;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String configured = environment.getProperty(URIS);
        if (configured != null && !configured.isBlank()) {
            log.info("Using the Elasticsearch cluster at {}", configured);
            return;
        }
        EmbeddedElasticsearchProperties properties = Binder.get(environment)
                .bindOrCreate("bhxh.elasticsearch.embedded", Bindable.of(EmbeddedElasticsearchProperties.class));
        Path home = properties.dataDirectory().toAbsolutePath().normalize();
        NodeSettings settings = new NodeSettings(properties.distribution(), home.resolve("distribution"), home.resolve("node"),
                properties.port(), properties.heap(), properties.runAsUser(), properties.startupTimeout())
                .withSnapshotDirectory(backupRepository(environment));
        log.info("No spring.elasticsearch.uris set: starting a local Elasticsearch node in {}", home);
        // Another instance using the same directory may run the node already: then this one joins it and never stops it.
        node = new SharedDirectoryNode(settings);
        URI uri = node.start();
        if (node.joined()) {
            log.info("Using the local Elasticsearch at {} that another instance started; its log is {}", uri, node.logFile());
        } else {
            log.info("Local Elasticsearch ready at {} in {} ms; its log is {}", uri, node.node().lastStartupTime().toMillis(),
                    node.logFile());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedElasticsearch", Map.of(URIS, uri.toString())));
    }

    /**
     * The backups' snapshot repository, which must lie under the node's {@code path.repo}: the same setting (and
     * default) that {@code backup.BackupProperties} reads, by name, since this runs before any bean exists.
     */
    static Path backupRepository(ConfigurableEnvironment environment) {
        String location = environment.getProperty("bhxh.backup.elasticsearch-location", "");
        if (!location.isBlank()) {
            return Path.of(location);
        }
        return Path.of(environment.getProperty("bhxh.backup.directory", "./data/backups")).resolve("elasticsearch")
                .toAbsolutePath().normalize();
    }
}
