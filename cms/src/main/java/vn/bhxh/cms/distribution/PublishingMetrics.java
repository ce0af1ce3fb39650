package vn.bhxh.cms.distribution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.DeliveryObserver;

/**
 * The scheduler's work for Prometheus ({@code /actuator/prometheus}): {@code bhxh_publishing_deliveries_total} per
 * channel and outcome, {@code bhxh_publishing_delivery_seconds} (one attempt, from its start to its recorded outcome),
 * {@code bhxh_publishing_jobs_claimed_total} and {@code bhxh_publishing_queue_wait_seconds} (from when a job became due
 * to its claim: the queue's delay).
 */
@Component
class PublishingMetrics implements DeliveryObserver {

    private final MeterRegistry meters;

    PublishingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void claimed(PublishJob job, Duration waited) {
        String channel = job.channel().id();
        Counter.builder("bhxh.publishing.jobs.claimed").description("Jobs claimed for delivery by this instance")
                .tag("channel", channel).register(meters).increment();
        Timer.builder("bhxh.publishing.queue.wait").description("From when a job became due to its claim")
                .tag("channel", channel).register(meters).record(waited);
    }

    @Override
    public void recorded(PublishJob job, String outcome, Duration took) {
        String channel = job.channel().id();
        Counter.builder("bhxh.publishing.deliveries").description("Delivery attempts recorded, by outcome")
                .tag("channel", channel).tag("outcome", outcome).register(meters).increment();
        Timer.builder("bhxh.publishing.delivery").description("One delivery attempt, from its start to its recorded outcome")
                .tag("channel", channel).tag("outcome", outcome).register(meters).record(took);
    }
}
