package vn.bhxh.publisher.testsupport;

import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.delivery.Http;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.delivery.TargetAdminNotifier;
import vn.bhxh.publisher.delivery.TargetDirectory;
import vn.bhxh.publisher.delivery.TargetRateLimiter;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.schedule.Scheduler;
import vn.bhxh.publisher.schedule.SchedulerSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Webhook schedulers with short, test-sized timings. */
public final class Schedulers {

    private Schedulers() {
    }

    public static Scheduler webhook(JobStore store, TargetDirectory targets, String owner, Duration lease,
                                    RetryPolicy retry, TargetAdminNotifier notifier) {
        return new Scheduler(store, List.of(new WebhookConnector(Http.defaultClient(), Clock.systemUTC(), Duration.ofSeconds(10))),
                targets, Fixtures.CIPHER, retry, new TargetRateLimiter(), notifier, Clock.systemUTC(),
                new SchedulerSettings(owner, lease, 50, Duration.ofMillis(100), 8));
    }

    public static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Điều kiện không đạt trong " + timeout + " / condition not met in time");
            }
            Thread.sleep(100);
        }
    }
}
