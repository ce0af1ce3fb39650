package vn.bhxh.cms.distribution;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;

/**
 * A publish job as the API shows it: times in UTC plus the Vietnamese wall-clock time editors entered; {@code title}
 * is the title that goes out. The payload
 * and the delivery log come with a single job ({@code detailed}); lists leave them out.
 *
 * @param removeByHand the variant was withdrawn but this post is still online: the service did not let us remove it
 * @param updateByHand this revision did not reach the post already on the target (the service did not let us change it):
 *                     a person must update that post by hand, as {@code reason} says
 */
public record JobView(String id, String releaseId, String campaign, String productId, String language, String revision, String title,
        String targetId, String targetName, Channel channel, Instant dueAt, String dueAtVietnam, Instant unpublishAt,
        JobState state, int attempts, String reason, String remoteId, String remoteUrl, String payloadSha256,
        boolean removeByHand, boolean updateByHand, Instant createdAt, Instant updatedAt, ChannelPayload payload,
        List<DeliveryAttempt> deliveryLog, List<Step> history) {

    /**
     * One line of the delivery log as anyone who reads the product sees it in its publication history: what happened
     * and when (Vietnam time), the sentence for people, the post's address; not the service's raw answer nor which
     * instance sent it (those stay in the job's delivery log for administrators).
     */
    public record Step(int number, String outcome, Instant at, String atVietnam, String detail, String remoteUrl) {

        static Step of(DeliveryAttempt attempt) {
            Instant at = attempt.finishedAt() != null ? attempt.finishedAt() : attempt.startedAt();
            return new Step(attempt.number(), attempt.outcome(), at, at == null ? null : VIETNAMESE_TIME.format(at),
                    attempt.detail(), attempt.remoteUrl());
        }
    }

    static final DateTimeFormatter VIETNAMESE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PublishSchedule.VIETNAM);

    static JobView of(PublishJob job, String targetName, boolean detailed, boolean removeByHand) {
        return of(job, targetName, detailed, removeByHand, false);
    }

    /** With {@code history}: the job's delivery log as people read it ({@link Step}), for a product's publication history. */
    static JobView of(PublishJob job, String targetName, boolean detailed, boolean removeByHand, boolean history) {
        return new JobView(job.id(), job.releaseId(), job.campaign(), job.productId(), job.language(), job.variantRevision(),
                job.payload() == null ? null : job.payload().title(),
                job.targetId(), targetName, job.channel(), job.dueAt(), VIETNAMESE_TIME.format(job.dueAt()), job.unpublishAt(),
                job.state(), job.attempts(), job.reason(), job.remoteId(), job.remoteUrl(), job.payloadSha256(), removeByHand,
                job.state() == JobState.FAILED && job.lastAttempt() != null
                        && DeliveryAttempt.UPDATE_BY_HAND.equals(job.lastAttempt().outcome()),
                job.createdAt(), job.updatedAt(), detailed ? job.payload() : null, detailed ? job.deliveryLog() : null,
                history ? job.deliveryLog().stream().map(Step::of).toList() : null);
    }
}
