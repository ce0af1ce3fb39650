package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@code spring.elasticsearch.socket-timeout} bound every request. Spring Boot puts it on the connections only,
 * and the client's own per-request response timeout (30 s) replaces it for each exchange: a hung node then held a
 * caller for 30 s and more. Waiting for a pooled connection is bounded by the connection timeout likewise.
 */
@Component
class ElasticsearchClientTimeouts implements Rest5ClientBuilderCustomizer {

    private final ElasticsearchProperties properties;

    ElasticsearchClientTimeouts(ElasticsearchProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(Rest5ClientBuilder builder) {
        // Only the request settings below.
    }

    @Override
    public void customize(RequestConfig.Builder request) {
        request.setResponseTimeout(Timeout.ofMilliseconds(properties.getSocketTimeout().toMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(properties.getConnectionTimeout().toMillis()));
    }
}
