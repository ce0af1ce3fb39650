package vn.bhxh.cms.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local Elasticsearch node the application starts when {@code spring.elasticsearch.uris} is not set.
 *
 * @param dataDirectory the node's home: config, data and logs, kept between runs
 * @param heap the node's JVM heap (for example 512m or 1g)
 * @param port the HTTP port on 127.0.0.1; 0 picks a free one
 * @param runAsUser the unprivileged user the node runs as when the application runs as root
 * @param startupTimeout how long to wait for the node to answer before giving up
 * @param distribution the Elasticsearch integ-test-zip distribution; Maven downloads it into the local repository
 */
@ConfigurationProperties("bhxh.elasticsearch.embedded")
public record EmbeddedElasticsearchProperties(
        @DefaultValue("./data/elasticsearch") Path dataDirectory,
        @DefaultValue("512m") String heap,
        @DefaultValue("0") int port,
        @DefaultValue("nobody") String runAsUser,
        @DefaultValue("3m") Duration startupTimeout,
        @DefaultValue("${user.home}/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/9.2.0/elasticsearch-9.2.0.zip")
        Path distribution) {
}
