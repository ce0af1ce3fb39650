package vn.bhxh.cms.elasticsearch;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * This instance's indices in {@code /actuator/health} and its readiness group: OUT_OF_SERVICE until it has found or
 * created every index and the start-up data is written, so a load balancer sends it no user before it can serve one
 * (while Elasticsearch alone may already answer).
 */
@Component("indicesHealthIndicator")
class IndicesHealth implements HealthIndicator {

    private final IndexInitializer indices;

    IndicesHealth(IndexInitializer indices) {
        this.indices = indices;
    }

    @Override
    public Health health() {
        if (indices.isReady()) {
            return Health.up().build();
        }
        return Health.outOfService().withDetail("waitingFor", indices.indicesExist() ? "start-up data" : "indices").build();
    }
}
