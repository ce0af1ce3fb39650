package vn.bhxh.cms.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.stereotype.Component;
import co.elastic.clients.json.JsonData;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/**
 * Failed sign-ins in Elasticsearch, so that every instance counts the same failures and honours the same blocks.
 * Each change is a compare-and-set on the entry's seq_no/primary_term, retried when another instance changed it first.
 */
@Component
class SignInThrottleStore {

    /** Idle entries removed per clean-up run. */
    static final int MAX_FORGOTTEN_PER_RUN = 5_000;

    private final ElasticsearchOperations operations;

    SignInThrottleStore(ElasticsearchOperations operations) {
        // Realtime gets read every write at once; nothing searches this index but the clean-up.
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
    }

    Optional<SignInFailures> find(String key) {
        return Optional.ofNullable(operations.get(key, SignInFailures.class));
    }

    /** Applies {@code change} to the entry (an empty one if there is none) until it is stored unchanged by anyone else. */
    SignInFailures update(String key, UnaryOperator<SignInFailures> change) {
        for (int attempt = 1; ; attempt++) {
            SignInFailures current = operations.get(key, SignInFailures.class);
            SignInFailures changed = change.apply(current == null ? new SignInFailures(key, null, null, null, null) : current);
            try {
                operations.index(DocumentVersions.conditionalWrite(key, changed, current == null ? null : current.seqNoPrimaryTerm()),
                        operations.getIndexCoordinatesFor(SignInFailures.class));
                return changed;
            } catch (RuntimeException e) {
                if (!VersionConflicts.is(e) || attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    void delete(String key) {
        operations.delete(key, operations.getIndexCoordinatesFor(SignInFailures.class));
    }

    /**
     * Removes the entries nobody changed since {@code before}, at most {@link #MAX_FORGOTTEN_PER_RUN} per call (a flood
     * larger than that is removed over the next calls). One by one: the managed node has no delete-by-query.
     */
    int deleteIdleSince(Instant before) {
        operations.indexOps(SignInFailures.class).refresh();
        NativeQuery idle = NativeQuery.builder()
                .withQuery(q -> q.range(r -> r.untyped(u -> u.field("lastChange").lt(JsonData.of(before.toEpochMilli()))
                        .format("epoch_millis"))))
                .withPageable(PageRequest.of(0, MAX_FORGOTTEN_PER_RUN))
                .build();
        IndexCoordinates index = operations.getIndexCoordinatesFor(SignInFailures.class);
        List<String> keys = operations.search(idle, SignInFailures.class).stream().map(SearchHit::getId).toList();
        keys.forEach(key -> operations.delete(key, index));
        return keys.size();
    }
}
