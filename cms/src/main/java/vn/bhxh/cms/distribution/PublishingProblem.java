package vn.bhxh.cms.distribution;

import java.time.Instant;
import java.util.List;

/**
 * Announced when publishing needs a person: a target paused (its token was refused) or a delivery that failed for good.
 *
 * @param productId the product of a failed delivery (null for a paused target)
 * @param recipients user names who must hear of it besides the administrators: the target's admins and, for a failed
 *        delivery, whoever scheduled it
 */
public record PublishingProblem(Kind kind, String targetId, String targetName, String productId, String language, String jobId,
        String reason, List<String> recipients, Instant at) {

    public enum Kind {
        TARGET_PAUSED,
        DELIVERY_FAILED
    }

    public PublishingProblem {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
