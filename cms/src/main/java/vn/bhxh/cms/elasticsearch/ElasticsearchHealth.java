package vn.bhxh.cms.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Cancellable;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseListener;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Elasticsearch in {@code /actuator/health}, replacing Spring Boot's check (same name), which waits as long as any
 * request (the client's socket timeout): a hung node must turn the health DOWN within a load balancer's patience. Its
 * own short timeout covers waiting for a pooled connection and for the answer (the request is cancelled after it);
 * the cluster's red status is DOWN too.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealth implements HealthIndicator {

    private final Rest5Client client;
    private final JsonMapper json;
    private final Duration timeout;

    ElasticsearchHealth(Rest5Client client, JsonMapper json, IndexProperties properties) {
        this.client = client;
        this.json = json;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Cancellable request = client.performRequestAsync(new Request("GET", "/_cluster/health"), new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try {
                    answer.complete(EntityUtils.toString(response.getEntity()));
                } catch (Exception e) {
                    answer.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            JsonNode body = json.readTree(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            String status = body.path("status").asString("red");
            Health.Builder health = "red".equals(status) ? Health.down() : Health.up();
            return health.withDetail("status", status)
                    .withDetail("numberOfNodes", body.path("number_of_nodes").asInt())
                    .withDetail("unassignedShards", body.path("unassigned_shards").asInt())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (Exception e) {
            request.cancel();
            return Health.down().withDetail("reason", "no answer within " + timeout.toMillis() + " ms").build();
        }
    }
}
