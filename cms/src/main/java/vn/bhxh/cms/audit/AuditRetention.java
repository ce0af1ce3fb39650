package vn.bhxh.cms.audit;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.elasticsearch.ElasticsearchRequests;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.IndexProperties;
import vn.bhxh.cms.elasticsearch.RetentionProperties;

/**
 * The audit trail's retention ({@code bhxh.retention.audit}, kept forever by default). The trail is a hash chain in one
 * index (each entry's id is its sequence number, created with op_type=create: time-based indices would let two writers
 * take the same place), so old entries are removed from the start of the chain only, never from its middle:
 * <ol>
 * <li>the chain is verified first: a broken chain is never pruned, since that could remove the evidence of the break;</li>
 * <li>an entry {@code AUDIT_PRUNED} is appended, naming the range removed and the hash of its last entry;</li>
 * <li>the anchor (document {@code anchor} in {@code audit-chain}) moves to that last entry's sequence and hash;</li>
 * <li>the entries up to it are deleted.</li>
 * </ol>
 * The verification then starts behind the anchor: the first entry kept must carry the anchor's hash as its previous
 * hash, so the chain that remains is checked as strictly as before, and the removal itself is on the record.
 */
@Service
public class AuditRetention {

    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final ElasticsearchOperations operations;
    private final AuditChain chain;
    private final AuditVerifier verifier;
    private final AuditLog auditLog;
    private final RetentionProperties retention;
    private final IndexInitializer indices;
    private final ElasticsearchRequests elasticsearch;
    private final Clock clock;

    AuditRetention(ElasticsearchOperations operations, AuditChain chain, AuditVerifier verifier, AuditLog auditLog,
            RetentionProperties retention, IndexInitializer indices, Rest5Client client, IndexProperties properties, Clock clock) {
        this.operations = operations;
        this.chain = chain;
        this.verifier = verifier;
        this.auditLog = auditLog;
        this.retention = retention;
        this.indices = indices;
        this.elasticsearch = new ElasticsearchRequests(client, properties.migrationTimeout());
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${bhxh.retention.initial-delay:5m}", fixedDelayString = "${bhxh.retention.interval:6h}")
    void pruneOnSchedule() {
        if (retention.audit().isZero() || !indices.isReady()) {
            return;
        }
        try {
            prune(clock.instant().minus(retention.audit()));
        } catch (RuntimeException e) {
            log.warn("Audit retention failed this time ({}); it runs again at the next interval", e.getMessage());
        }
    }

    /**
     * Removes the entries at the start of the chain written before {@code cutoff}, up to the first entry written at or
     * after it.
     *
     * @return the last sequence number removed now, or 0 when nothing was
     */
    public long prune(Instant cutoff) {
        ChainHead anchor = chain.anchor();
        long from = anchor == null ? 0 : anchor.sequence();
        long through = lastEntryBefore(cutoff, from);
        if (through <= from) {
            return 0;
        }
        AuditVerifier.Verification verification = verifier.verify();
        if (!verification.intact() && verification.firstBrokenSequence() <= through + 1) {
            log.warn("Audit retention skipped: the chain is broken at entry {} ({}); nothing is removed while it is",
                    verification.firstBrokenSequence(), verification.problem());
            return 0;
        }
        AuditEvent last = chain.entryAt(through);
        auditLog.record("system", AuditAction.AUDIT_PRUNED, null, null, null, null, null,
                "Mục " + (from + 1) + "–" + through + " đã xoá theo thời hạn lưu; mã băm của mục " + through + ": " + last.hash());
        if (!chain.moveAnchor(anchor, last)) {
            return 0; // another instance is pruning at the same moment
        }
        deleteThrough(from + 1, through);
        log.info("Audit retention: removed entries {} to {}, written before {}", from + 1, through, cutoff);
        return through;
    }

    /** The sequence before the first entry (after {@code from}) written at or after the cutoff; the tail if none was. */
    private long lastEntryBefore(Instant cutoff, long from) {
        NativeQuery firstYoung = NativeQuery.builder()
                .withQuery(q -> q.bool(b -> b
                        .filter(f -> f.range(r -> r.number(n -> n.field("sequence").gt((double) from))))
                        .filter(f -> f.range(r -> r.date(d -> d.field("at").gte(cutoff.toString()))))))
                .withSort(Sort.by("sequence"))
                .withPageable(PageRequest.of(0, 1))
                .build();
        operations.indexOps(AuditEvent.class).refresh();
        return operations.search(firstYoung, AuditEvent.class).stream().findFirst()
                .map(SearchHit::getContent)
                .map(entry -> entry.sequence() - 1)
                .orElseGet(() -> chain.tail().sequence());
    }

    /** Entries are found by id (their sequence number): no delete-by-query needed. */
    private void deleteThrough(long first, long last) {
        for (long start = first; start <= last; start += PAGE) {
            StringBuilder bulk = new StringBuilder();
            for (long sequence = start; sequence <= Math.min(last, start + PAGE - 1); sequence++) {
                bulk.append("{\"delete\":{\"_index\":\"audit\",\"_id\":\"").append(AuditChain.id(sequence)).append("\"}}\n");
            }
            elasticsearch.send("POST", "/_bulk", bulk.toString());
        }
        elasticsearch.send("POST", "/audit/_refresh", null);
    }
}
