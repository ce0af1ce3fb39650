package vn.bhxh.publisher.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One approved language variant (product, language, revision) bound for one channel target.
 *
 * <p>{@code claimableAt} is the single instant a scheduler compares with "now": the due time (or the next
 * retry) while PENDING, the end of the lease while CLAIMED. One range query then finds both due jobs and
 * jobs whose owner died.
 */
public record PublishJob(
        String id,
        String releaseId,
        String campaign,
        String productId,
        String language,
        String variantRevision,
        String targetId,
        Channel channel,
        Instant dueAt,
        Instant unpublishAt,
        JobState state,
        Instant claimableAt,
        int attempts,
        String leaseOwner,
        Instant leaseUntil,
        String idempotencyKey,
        ChannelPayload payload,
        String payloadSha256,
        List<DeliveryAttempt> deliveryLog,
        String remoteId,
        String remoteUrl,
        String reason,
        Map<String, String> connectorState,
        Instant createdAt,
        Instant updatedAt) {

    public PublishJob {
        deliveryLog = deliveryLog == null ? List.of() : List.copyOf(deliveryLog);
        connectorState = connectorState == null ? Map.of() : Map.copyOf(connectorState);
    }

    /**
     * A new PENDING job, built by named steps instead of 25 positional components: it is identified by its
     * idempotency key and goes to the payload's target.
     */
    public static Draft pending(String idempotencyKey) {
        return new Draft(idempotencyKey);
    }

    /** The steps of {@link #pending(String)}; {@link #createdAt(Instant)} ends them. */
    public static final class Draft {
        private final String key;
        private String releaseId;
        private String campaign;
        private String productId;
        private String language;
        private String variantRevision;
        private ChannelPayload payload;
        private Instant dueAt;
        private Instant unpublishAt;

        private Draft(String key) {
            this.key = key;
        }

        public Draft release(String newReleaseId, String newCampaign) {
            this.releaseId = newReleaseId;
            this.campaign = newCampaign;
            return this;
        }

        public Draft variant(String newProductId, String newLanguage, String revision) {
            this.productId = newProductId;
            this.language = newLanguage;
            this.variantRevision = revision;
            return this;
        }

        public Draft payload(ChannelPayload newPayload) {
            this.payload = newPayload;
            return this;
        }

        /** Due at {@code due}; taken down again at {@code unpublish}, or never when it is null. */
        public Draft due(Instant due, Instant unpublish) {
            this.dueAt = due;
            this.unpublishAt = unpublish;
            return this;
        }

        public PublishJob createdAt(Instant now) {
            return new PublishJob(key, releaseId, campaign, productId, language, variantRevision, payload.targetId(),
                    payload.channel(), dueAt, unpublishAt, JobState.PENDING, dueAt, 0, null, null, key, payload,
                    payload.sha256(), List.of(), null, null, null, null, now, now);
        }
    }

    /** The same job carrying another payload (and its hash). */
    public PublishJob withPayload(ChannelPayload newPayload) {
        return new PublishJob(id, releaseId, campaign, productId, language, variantRevision, targetId, channel, dueAt,
                unpublishAt, state, claimableAt, attempts, leaseOwner, leaseUntil, idempotencyKey, newPayload,
                newPayload.sha256(), deliveryLog, remoteId, remoteUrl, reason, connectorState, createdAt, updatedAt);
    }

    public DeliveryAttempt lastAttempt() {
        return deliveryLog.isEmpty() ? null : deliveryLog.getLast();
    }

    /** Taken by {@code owner} until {@code until}; an attempt left in flight by a dead owner is marked abandoned. */
    public PublishJob claimedBy(String owner, Instant now, Instant until) {
        List<DeliveryAttempt> log = new ArrayList<>(deliveryLog);
        if (!log.isEmpty() && log.getLast().inFlight()) {
            log.set(log.size() - 1, log.getLast().abandoned(now));
        }
        log.add(DeliveryAttempt.started(nextAttemptNumber(log), owner, now));
        return copy(JobState.CLAIMED, until, attempts + 1, owner, until, log, remoteId, remoteUrl, reason, connectorState, now);
    }

    /** The number of the next line of the delivery log: one more than the last, across retries and removals. */
    public int nextAttemptNumber() {
        return nextAttemptNumber(deliveryLog);
    }

    private static int nextAttemptNumber(List<DeliveryAttempt> log) {
        return log.stream().mapToInt(DeliveryAttempt::number).max().orElse(0) + 1;
    }

    /** Whether an earlier attempt may have reached the remote side without us learning its answer. */
    public boolean previousAttemptInDoubt() {
        return deliveryLog.stream().anyMatch(a -> DeliveryAttempt.ABANDONED.equals(a.outcome()));
    }

    public PublishJob finished(JobState newState, Instant claimable, DeliveryAttempt finishedAttempt, String newRemoteId,
                               String newRemoteUrl, String newReason, Instant now) {
        List<DeliveryAttempt> log = new ArrayList<>(deliveryLog);
        if (!log.isEmpty() && log.getLast().inFlight()) {
            log.set(log.size() - 1, finishedAttempt);
        } else {
            log.add(finishedAttempt);
        }
        return copy(newState, claimable, attempts, null, null, log, newRemoteId, newRemoteUrl, newReason, connectorState, now);
    }

    /** Back to PENDING without counting an attempt (the target was rate limited before anything was sent). */
    public PublishJob deferred(Instant until, String why, Instant now) {
        List<DeliveryAttempt> log = new ArrayList<>(deliveryLog);
        if (!log.isEmpty() && log.getLast().inFlight()) {
            log.removeLast();
        }
        return copy(JobState.PENDING, until, Math.max(0, attempts - 1), null, null, log, remoteId, remoteUrl, why,
                connectorState, now);
    }

    public PublishJob withState(JobState newState, Instant claimable, String newReason, Instant now) {
        return copy(newState, claimable, attempts, null, null, deliveryLog, remoteId, remoteUrl, newReason, connectorState, now);
    }

    /** For a retry by hand: a fresh budget of attempts, the log kept. */
    public PublishJob retriedByHand(Instant now) {
        return copy(JobState.PENDING, now, 0, null, null, deliveryLog, remoteId, remoteUrl, null, connectorState, now);
    }

    /** Still being delivered by its owner: the lease (and so the time another instance may take over) moves on. */
    public PublishJob leaseExtended(Instant until, Instant now) {
        return copy(state, until, attempts, leaseOwner, until, deliveryLog, remoteId, remoteUrl, reason, connectorState, now);
    }

    /** Taken by {@code owner} for removal at its unpublish time; stays DELIVERED until the removal is done. */
    public PublishJob takenForRemoval(String owner, Instant until, Instant now) {
        return copy(state, claimableAt, attempts, owner, until, deliveryLog, remoteId, remoteUrl, reason, connectorState, now);
    }

    public PublishJob withConnectorState(String key, String value, Instant now) {
        Map<String, String> state = new HashMap<>(connectorState);
        state.put(key, value);
        return copy(this.state, claimableAt, attempts, leaseOwner, leaseUntil, deliveryLog, remoteId, remoteUrl, reason, state, now);
    }

    private PublishJob copy(JobState newState, Instant claimable, int newAttempts, String owner, Instant until,
                            List<DeliveryAttempt> log, String newRemoteId, String newRemoteUrl, String newReason,
                            Map<String, String> newConnectorState, Instant now) {
        return new PublishJob(id, releaseId, campaign, productId, language, variantRevision, targetId, channel, dueAt,
                unpublishAt, newState, claimable, newAttempts, owner, until, idempotencyKey, payload, payloadSha256, log,
                newRemoteId, newRemoteUrl, newReason, newConnectorState, createdAt, now);
    }
}
