package vn.bhxh.publisher.schedule;

import java.time.Duration;

/**
 * How one scheduler instance works. {@code owner} must differ between instances (host name + pid is a good
 * choice). {@code lease} must outlast a connector's longest call, else another instance takes the job over
 * while it is still being delivered (connectors that run long renew it through their progress memory).
 */
public record SchedulerSettings(String owner, Duration lease, int batchSize, Duration pollInterval, int parallelism) {

    public static SchedulerSettings defaults(String owner) {
        return new SchedulerSettings(owner, Duration.ofMinutes(5), 50, Duration.ofSeconds(2), 8);
    }

    public SchedulerSettings withLease(Duration newLease) {
        return new SchedulerSettings(owner, newLease, batchSize, pollInterval, parallelism);
    }

    public SchedulerSettings withPollInterval(Duration newPoll) {
        return new SchedulerSettings(owner, lease, batchSize, newPoll, parallelism);
    }
}
