package vn.bhxh.cms.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantVersion;

/**
 * The baseline of "what changed since you last saw it": the revision this user last opened for review; failing that,
 * the revision that was sent back at the last rejection (the one the reviewers judged), from the audit trail and the
 * saved versions.
 */
@Service
class ReviewHistory {

    private final ReviewSeenStore store;
    private final AuditLog audit;
    private final Clock clock;

    ReviewHistory(ReviewSeenStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The revision to compare the current one with, and why it is the baseline: {@code seen} (last opened by this user),
     * {@code rejected} (sent back last time) or {@code unchanged} (this user has seen the current revision already).
     */
    record Baseline(int revision, String reason) {
    }

    Optional<Baseline> baseline(String username, Variant variant, List<VariantVersion> versions) {
        ReviewSeen seen = store.find(username, variant.id()).orElse(null);
        if (seen != null && seen.revision() < variant.revision()) {
            return Optional.of(new Baseline(seen.revision(), "seen"));
        }
        if (seen != null) {
            return Optional.of(new Baseline(seen.revision(), "unchanged"));
        }
        List<AuditEvent> rejections = audit.search(new AuditLog.AuditFilter(null, AuditAction.REJECT.name(), variant.productId(), variant.language(),
                null, null), 0, 1);
        if (rejections.isEmpty()) {
            return Optional.empty();
        }
        // The revision the rejection judged: the newest one saved before it.
        return versions.stream().filter(v -> !v.savedAt().isAfter(rejections.getFirst().at()))
                .mapToInt(VariantVersion::revision).max().stream()
                .filter(revision -> revision < variant.revision())
                .mapToObj(revision -> new Baseline(revision, "rejected")).findFirst();
    }

    void markSeen(String username, Variant variant) {
        store.save(new ReviewSeen(ReviewSeen.id(username, variant.id()), username, variant.id(), variant.revision(),
                clock.instant()));
    }
}
