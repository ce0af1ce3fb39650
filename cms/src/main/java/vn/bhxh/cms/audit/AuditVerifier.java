package vn.bhxh.cms.audit;

import org.springframework.data.domain.PageRequest;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHitsIterator;
import org.springframework.stereotype.Service;

/**
 * Walks the audit chain in sequence order and names the first entry that breaks it: one that is missing, whose content
 * no longer matches its hash, or that no longer links to the hash of the entry before it. When the retention removed
 * the oldest entries ({@link AuditRetention}), the walk starts behind its anchor: the first entry kept must link to the
 * hash the anchor recorded for the last entry removed.
 */
@Service
public class AuditVerifier {

    /** Entries read per scroll page. */
    static final int PAGE = 1000;

    private final ElasticsearchOperations operations;
    private final AuditChain chain;

    public AuditVerifier(ElasticsearchOperations operations, AuditChain chain) {
        this.operations = operations;
        this.chain = chain;
    }

    public Verification verify() {
        // The tail first, then the refresh: every entry up to the tail is searchable; later ones are not judged this time.
        long last = chain.tail().sequence();
        ChainHead anchor = chain.anchor();
        long prunedThrough = anchor == null ? 0 : anchor.sequence();
        operations.indexOps(AuditEvent.class).refresh();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.range(r -> r.number(n -> n.field("sequence").gte((double) prunedThrough + 1).lte((double) last))))
                .withSort(Sort.by("sequence"))
                .withPageable(PageRequest.of(0, PAGE))
                .build();
        long expected = prunedThrough + 1;
        String previousHash = anchor == null ? AuditChain.GENESIS : anchor.hash();
        try (SearchHitsIterator<AuditEvent> entries = operations.searchForStream(query, AuditEvent.class)) {
            while (entries.hasNext()) {
                AuditEvent entry = entries.next().getContent();
                if (entry.sequence() != expected) {
                    return Verification.broken(expected - 1, prunedThrough, expected, AuditChain.id(expected), Problem.MISSING);
                }
                if (!Objects.equals(entry.previousHash(), previousHash)) {
                    return Verification.broken(expected - 1, prunedThrough, expected, entry.id(), Problem.RELINKED);
                }
                if (!Objects.equals(AuditChain.hash(entry), entry.hash())) {
                    return Verification.broken(expected - 1, prunedThrough, expected, entry.id(), Problem.ALTERED);
                }
                previousHash = entry.hash();
                expected++;
            }
        }
        if (expected <= last) {
            return Verification.broken(expected - 1, prunedThrough, expected, AuditChain.id(expected), Problem.MISSING);
        }
        return new Verification(true, last, prunedThrough, null, null, null);
    }

    /** How an entry breaks the chain. */
    public enum Problem {
        /** No entry has this sequence number: it was removed. */
        MISSING,
        /** The entry's content does not give its hash: it was changed. */
        ALTERED,
        /** The entry does not carry the hash of the entry before it: it was replaced or the chain re-linked. */
        RELINKED
    }

    /**
     * @param intact whether every entry up to the tail checked out
     * @param entriesChecked the sequence number up to which the chain was found sound (the last entry when intact)
     * @param prunedThrough the last sequence number removed by the retention (0 when none was): the walk starts after it
     * @param firstBrokenSequence the sequence number of the first entry that breaks the chain
     * @param firstBrokenId its id
     */
    public record Verification(boolean intact, long entriesChecked, long prunedThrough, Long firstBrokenSequence,
            String firstBrokenId, Problem problem) {

        static Verification broken(long checked, long prunedThrough, long sequence, String id, Problem problem) {
            return new Verification(false, checked, prunedThrough, sequence, id, problem);
        }
    }
}
