package vn.bhxh.cms.distribution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import vn.bhxh.publisher.schedule.MissedSchedules;

/**
 * Missed schedules are loud: {@code /actuator/health} turns MISSED_SCHEDULES (still HTTP 200, so a load balancer
 * keeps the instance: delivering is what it should go on doing), and the gauge {@code bhxh.publishing.missed}
 * carries the count to monitoring.
 */
@Component("publishing")
class PublishingHealth implements HealthIndicator {

    static final Status MISSED_SCHEDULES = new Status("MISSED_SCHEDULES", "Có lịch đăng bị trễ / scheduled posts are overdue");

    private final MissedSchedules missed;
    private final PublishingLifecycle lifecycle;
    private final PublishingProperties properties;

    PublishingHealth(MissedSchedules missed, PublishingLifecycle lifecycle, PublishingProperties properties, MeterRegistry meters) {
        this.missed = missed;
        this.lifecycle = lifecycle;
        this.properties = properties;
        Gauge.builder("bhxh.publishing.missed", missed, MissedSchedules::lastCount)
                .description("Jobs not delivered within bhxh.publishing.missed-after of their time, at the last check")
                .register(meters);
    }

    @Override
    public Health health() {
        if (!lifecycle.started()) {
            return Health.unknown().withDetail("reason", "waiting for Elasticsearch").build();
        }
        int count = missed.lastCount();
        return Health.status(count == 0 ? Status.UP : MISSED_SCHEDULES)
                .withDetail("missedSchedules", count)
                .withDetail("missedAfter", properties.missedAfter().toString())
                .withDetail("schedulerEnabled", properties.schedulerEnabled())
                .build();
    }
}
