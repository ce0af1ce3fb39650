package vn.bhxh.cms.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.PublishJob;

/** What the scheduler tells PublishingMetrics reaches the Prometheus scrape under the documented names. */
class PublishingMetricsTest {

    @Test
    void claimsAndOutcomesCountAndTimeInTheScrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PublishingMetrics metrics = new PublishingMetrics(registry);
        PublishJob job = new PublishJob("j1", null, null, "p1", "vi", "r1", "cong", WebhookChannel.CHANNEL, Instant.now(), null,
                JobState.CLAIMED, Instant.now(), 0, "a", Instant.now(), "k", null, null, null, null, null, null, null,
                Instant.now(), Instant.now());

        metrics.claimed(job, Duration.ofMillis(1500));
        metrics.recorded(job, "DELIVERED", Duration.ofMillis(200));
        metrics.recorded(job, "DELIVERED", Duration.ofMillis(300));
        metrics.recorded(job, "RETRY", Duration.ofMillis(100));

        String scrape = registry.scrape();
        String channel = WebhookChannel.CHANNEL.id();
        String webhook = "{channel=\"" + channel + "\"";
        assertThat(value(scrape, "bhxh_publishing_deliveries_total" + webhook + ",outcome=\"DELIVERED\"}")).isEqualTo(2);
        assertThat(value(scrape, "bhxh_publishing_deliveries_total" + webhook + ",outcome=\"RETRY\"}")).isEqualTo(1);
        assertThat(value(scrape, "bhxh_publishing_delivery_seconds_count" + webhook + ",outcome=\"DELIVERED\"}")).isEqualTo(2);
        assertThat(value(scrape, "bhxh_publishing_delivery_seconds_sum" + webhook + ",outcome=\"DELIVERED\"}")).isEqualTo(0.5);
        assertThat(value(scrape, "bhxh_publishing_jobs_claimed_total" + webhook + "}")).isEqualTo(1);
        assertThat(value(scrape, "bhxh_publishing_queue_wait_seconds_sum" + webhook + "}")).isEqualTo(1.5);
    }

    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError(series + " not in\n" + scrape));
    }
}
