package vn.bhxh.publisher.job;

import java.time.Instant;

/**
 * One line of a job's delivery log: {@code number} counts on over the job's whole life (retries by hand and removals
 * included); {@code detail} is the reason shown to people, {@code answer} the remote service's raw answer for administrators. Written as IN_FLIGHT when the job is claimed, so that a crash
 * mid-delivery leaves a trace the next owner sees (and then checks the remote side before posting again).
 */
public record DeliveryAttempt(int number, String owner, Instant startedAt, Instant finishedAt, String outcome,
                              String requestSummary, Integer responseStatus, String remoteId, String remoteUrl,
                              String detail, String answer) {

    /** A line without the service's raw answer. */
    public DeliveryAttempt(int number, String owner, Instant startedAt, Instant finishedAt, String outcome,
                           String requestSummary, Integer responseStatus, String remoteId, String remoteUrl, String detail) {
        this(number, owner, startedAt, finishedAt, outcome, requestSummary, responseStatus, remoteId, remoteUrl, detail, null);
    }

    public static final String IN_FLIGHT = "IN_FLIGHT";
    public static final String ABANDONED = "ABANDONED";
    /** The service did not let us change the earlier revision's post: a person must (the job is FAILED with this line). */
    public static final String UPDATE_BY_HAND = "UPDATE_BY_HAND";

    public static DeliveryAttempt started(int number, String owner, Instant at) {
        return new DeliveryAttempt(number, owner, at, null, IN_FLIGHT, null, null, null, null, null);
    }

    public boolean inFlight() {
        return IN_FLIGHT.equals(outcome);
    }

    public DeliveryAttempt abandoned(Instant at) {
        return new DeliveryAttempt(number, owner, startedAt, at, ABANDONED, requestSummary, responseStatus, remoteId,
                remoteUrl, "Lease hết hạn giữa chừng / lease expired mid-delivery", answer);
    }
}
