package vn.bhxh.cms.distribution;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.delivery.TargetPacing;

/**
 * Per-target pacing kept in Elasticsearch, so that several instances together still leave a target's minimum interval
 * between posts and honour the quiet its service asked for (one instance's memory would let each of them post once per
 * interval). A slot is taken with a compare-and-set on the target's entry (realtime get, then a write conditional on its
 * seq_no/primary_term), retried when another instance took one first; a target without a minimum interval costs one read.
 */
@Component
class TargetPaceStore implements TargetPacing {

    private static final int MAX_ATTEMPTS = 20;

    private final ElasticsearchOperations operations;

    TargetPaceStore(ElasticsearchOperations operations) {
        // Realtime gets see every write at once; nothing searches this index.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
    }

    @Override
    public Instant reserve(Target target, Instant now) {
        Instant[] wait = new Instant[1];
        update(target.id(), current -> {
            if (current != null && current.isAfter(now)) {
                wait[0] = current;
                return null;
            }
            wait[0] = null;
            return target.minInterval().isZero() ? null : now.plus(target.minInterval());
        });
        return wait[0];
    }

    @Override
    public void block(String targetId, Instant now, Duration wait) {
        Instant until = now.plus(wait);
        update(targetId, current -> current != null && !current.isBefore(until) ? null : until);
    }

    /** Applies {@code change} (current next-allowed instant or null → new one, or null for no write) until it holds. */
    private void update(String targetId, Function<Instant, Instant> change) {
        for (int attempt = 1; ; attempt++) {
            TargetPace current = operations.get(targetId, TargetPace.class);
            Instant changed = change.apply(current == null ? null : current.nextAllowed());
            if (changed == null) {
                return;
            }
            try {
                operations.index(DocumentVersions.conditionalWrite(targetId, new TargetPace(targetId, changed, null),
                        current == null ? null : current.seqNoPrimaryTerm()), operations.getIndexCoordinatesFor(TargetPace.class));
                return;
            } catch (RuntimeException e) {
                if (!VersionConflicts.is(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
