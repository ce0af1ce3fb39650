package vn.bhxh.cms.distribution;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.IndicesReadyEvent;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.delivery.RetryPolicy;
import vn.bhxh.publisher.feed.FeedService;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.schedule.MissedSchedules;
import vn.bhxh.publisher.schedule.Scheduler;
import vn.bhxh.publisher.schedule.SchedulerSettings;
import vn.bhxh.publisher.schedule.Withdrawal;

/**
 * Starts this instance's scheduler and the feed once Elasticsearch is there, runs the minute checks (missed
 * schedules, posts whose unpublish time came), and stops delivering before the application stops. Every instance may
 * run all of it: jobs and removals are taken with conditional writes.
 */
@Component
class PublishingLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishingLifecycle.class);

    private final JobStore jobs;
    private final Scheduler scheduler;
    private final FeedService feeds;
    private final MissedSchedules missed;
    private final Withdrawal withdrawal;
    private final PublishingProperties properties;
    private final AtomicBoolean started = new AtomicBoolean();

    PublishingLifecycle(JobStore jobs, PublishingConfiguration.Connectors connectors, TargetStore targets, CredentialCipher cipher,
            NoticeBoard notices, FeedService feeds, MissedSchedules missed, Withdrawal withdrawal, PublishingProperties properties,
            Clock clock, TargetPaceStore pacing, PublishingMetrics metrics) {
        this.jobs = jobs;
        this.feeds = feeds;
        this.missed = missed;
        this.withdrawal = withdrawal;
        this.properties = properties;
        SchedulerSettings settings = new SchedulerSettings(owner(), properties.lease(), 50, properties.pollInterval(),
                properties.parallelism());
        RetryPolicy retries = new RetryPolicy(properties.retryBase(), properties.retryMax(), properties.maxAttempts());
        // Pacing is shared through Elasticsearch: instances together keep each target's interval and honour its Retry-After.
        this.scheduler = new Scheduler(jobs, connectors.all(), targets, cipher, retries, pacing, notices, clock,
                settings, metrics);
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "cms";
        }
        // Host and pid name the instance for people reading the delivery log; the suffix keeps two schedulers in one
        // JVM (test contexts) apart, since leases and lost-lease checks compare owners.
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    @EventListener(IndicesReadyEvent.class)
    void start() {
        jobs.ensureIndex();
        if (started.compareAndSet(false, true)) {
            feeds.start(properties.feedRefresh());
            if (properties.schedulerEnabled()) {
                scheduler.start();
                log.info("Publishing scheduler {} started", scheduler.owner());
            }
        }
    }

    @Scheduled(initialDelayString = "${bhxh.publishing.check-interval:60s}", fixedDelayString = "${bhxh.publishing.check-interval:60s}")
    void minuteChecks() {
        if (!started.get()) {
            return;
        }
        try {
            missed.check();
            // A removal is not renewed while it runs, and may make several calls (a post and its media): its lease
            // allows what an upload does, so no peer starts the same removal while this one is still under way.
            withdrawal.unpublishDue(scheduler.owner(), properties.lease().plus(properties.connectorTimeout().multipliedBy(10)));
        } catch (RuntimeException e) {
            log.warn("Publishing checks failed this time ({}); they run again at the next interval", e.getMessage());
        }
    }

    boolean started() {
        return started.get();
    }

    @PreDestroy
    void stop() {
        scheduler.close();
        feeds.close();
    }
}
