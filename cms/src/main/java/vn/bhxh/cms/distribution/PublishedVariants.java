package vn.bhxh.cms.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.workflow.WorkflowAction;
import vn.bhxh.cms.workflow.WorkflowState;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.schedule.PublishSchedule;

/**
 * An approved variant becomes PUBLISHED when its first post has gone out, so the workflow state says what the public
 * sees. Every instance may run this: a variant already published is simply skipped, and a lost race is retried.
 */
@Component
class PublishedVariants {

    private static final Logger log = LoggerFactory.getLogger(PublishedVariants.class);
    static final Actor PUBLISHER = new Actor("publisher", Set.of(Role.ADMIN), null);
    /** On start, deliveries this far back are looked at again (an instance may have stopped before marking them). */
    static final Duration LOOK_BACK = Duration.ofDays(1);
    static final int BATCH = 500;

    private final PublishSchedule schedule;
    private final ProductService products;
    private final PublishingLifecycle lifecycle;
    private volatile Instant watermark;

    PublishedVariants(PublishSchedule schedule, ProductService products, PublishingLifecycle lifecycle,
            Clock clock) {
        this.schedule = schedule;
        this.products = products;
        this.lifecycle = lifecycle;
        this.watermark = clock.instant().minus(LOOK_BACK);
    }

    @Scheduled(initialDelayString = "${bhxh.publishing.poll-interval:2s}", fixedDelayString = "${bhxh.publishing.poll-interval:2s}")
    void markPublished() {
        if (!lifecycle.started()) {
            return;
        }
        try {
            Instant next = watermark;
            for (PublishJob job : schedule.deliveredSince(watermark, BATCH)) {
                publish(job);
                next = job.updatedAt();
            }
            watermark = next;
        } catch (RuntimeException e) {
            log.warn("Could not mark delivered variants as published this time ({}); retrying", e.getMessage());
        }
    }

    private void publish(PublishJob job) {
        Variant variant;
        try {
            variant = products.readVariant(PUBLISHER, job.productId(), job.language());
        } catch (NotFoundException e) {
            return;
        }
        if (variant.state() != WorkflowState.APPROVED || !String.valueOf(variant.revision()).equals(job.variantRevision())) {
            return;
        }
        try {
            products.transition(PUBLISHER, job.productId(), job.language(), variant.seqNoPrimaryTerm(), WorkflowAction.PUBLISH,
                    "Đã đăng lên " + job.targetId() + (job.remoteUrl() == null ? "" : ": " + job.remoteUrl()));
        } catch (ApiException | PreconditionFailedException e) {
            // Someone changed the variant meanwhile (edited, withdrawn, or another instance published it): nothing to do.
            log.debug("Variant {}~{} not marked published: {}", job.productId(), job.language(), e.getMessage());
        }
    }
}
