package vn.bhxh.cms.elasticsearch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application manages its indices.
 *
 * @param indexRetryInterval how often index creation is retried while Elasticsearch is unreachable
 * @param refreshInterval the indices' refresh interval; writes wait for the next refresh, so it is also their latency
 */
@ConfigurationProperties("bhxh.elasticsearch")
public record IndexProperties(
        @DefaultValue("5s") Duration indexRetryInterval,
        @DefaultValue("1s") Duration refreshInterval) {
}
