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
 * no longer matches its hash, or that no longer links to the hash of the entry before it.
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
        operations.indexOps(AuditEvent.class).refresh();
        NativeQuery query = NativeQuery.builder()
                .withQuery(q -> q.range(r -> r.number(n -> n.field("sequence").gte(1.0).lte((double) last))))
                .withSort(Sort.by("sequence"))
                .withPageable(PageRequest.of(0, PAGE))
                .build();
        long expected = 1;
        String previousHash = AuditChain.GENESIS;
        try (SearchHitsIterator<AuditEvent> entries = operations.searchForStream(query, AuditEvent.class)) {
            while (entries.hasNext()) {
                AuditEvent entry = entries.next().getContent();
                if (entry.sequence() != expected) {
                    return Verification.broken(expected - 1, expected, AuditChain.id(expected), Problem.MISSING);
                }
                if (!Objects.equals(entry.previousHash(), previousHash)) {
                    return Verification.broken(expected - 1, expected, entry.id(), Problem.RELINKED);
                }
                if (!Objects.equals(AuditChain.hash(entry), entry.hash())) {
                    return Verification.broken(expected - 1, expected, entry.id(), Problem.ALTERED);
                }
                previousHash = entry.hash();
                expected++;
            }
        }
        if (expected <= last) {
            return Verification.broken(expected - 1, expected, AuditChain.id(expected), Problem.MISSING);
        }
        return new Verification(true, last, null, null, null);
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
     * @param entriesChecked how many entries were found sound before the first break (all of them when intact)
     * @param firstBrokenSequence the sequence number of the first entry that breaks the chain
     * @param firstBrokenId its id
     */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSequence, String firstBrokenId,
            Problem problem) {

        static Verification broken(long checked, long sequence, String id, Problem problem) {
            return new Verification(false, checked, sequence, id, problem);
        }
    }
}
