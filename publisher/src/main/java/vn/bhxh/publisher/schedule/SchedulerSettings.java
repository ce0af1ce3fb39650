package vn.bhxh.publisher.schedule;

import java.time.Duration;

/**
 * How one scheduler instance works. {@code owner} must differ between instances (host name + pid is a good
 * choice). {@code lease} is how long a claimed job stays an instance's without a renewal: the scheduler renews it
 * every third of a lease from the claim until the outcome is recorded, however long the connector's calls run, so
 * it only bounds how soon a dead instance's jobs are taken over (about one lease after its death). Keep it several
 * times longer than an Elasticsearch hiccup, since renewals need Elasticsearch.
 */
public record SchedulerSettings(String owner, Duration lease, int batchSize, Duration pollInterval, int parallelism) {

    public static SchedulerSettings defaults(String owner) {
        return new SchedulerSettings(owner, Duration.ofSeconds(30), 50, Duration.ofSeconds(2), 8);
    }

    public SchedulerSettings withLease(Duration newLease) {
        return new SchedulerSettings(owner, newLease, batchSize, pollInterval, parallelism);
    }

    public SchedulerSettings withPollInterval(Duration newPoll) {
        return new SchedulerSettings(owner, lease, batchSize, newPoll, parallelism);
    }
}
