package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Elasticsearch in {@code /actuator/health}, replacing Spring Boot's check (same name), which waits as long as any
 * request (the client's socket timeout): a hung node must turn the health DOWN within a load balancer's patience. Its
 * own short timeout covers waiting for a pooled connection and for the answer; the cluster's red status is DOWN too.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealth implements HealthIndicator {

    private final Rest5Client client;
    private final JsonMapper json;
    private final RequestOptions options;
    private final Duration timeout;

    ElasticsearchHealth(Rest5Client client, JsonMapper json, IndexProperties properties) {
        this.client = client;
        this.json = json;
        this.timeout = properties.healthTimeout();
        Timeout half = Timeout.ofMilliseconds(timeout.toMillis() / 2);
        // The pool wait and the answer share the budget, so the check never takes longer than the timeout.
        this.options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(half).setResponseTimeout(half).build()).build();
    }

    @Override
    public Health health() {
        Request request = new Request("GET", "/_cluster/health");
        request.setOptions(options);
        try {
            Response response = client.performRequest(request);
            JsonNode body = json.readTree(EntityUtils.toString(response.getEntity()));
            String status = body.path("status").asString("red");
            Health.Builder health = "red".equals(status) ? Health.down() : Health.up();
            return health.withDetail("status", status)
                    .withDetail("numberOfNodes", body.path("number_of_nodes").asInt())
                    .withDetail("unassignedShards", body.path("unassigned_shards").asInt())
                    .build();
        } catch (IOException | ParseException | RuntimeException e) {
            return Health.down().withDetail("reason", "no answer within " + timeout.toMillis() + " ms").build();
        }
    }
}
