package vn.bhxh.cms.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/**
 * Makes the audit trail tamper-evident: every entry carries a sequence number, the hash of the entry before it and its
 * own hash (SHA-256 over its canonical JSON and that previous hash). Altering, removing or re-linking an entry breaks
 * the chain at that entry, which {@link AuditVerifier} finds.
 * <p>
 * Several instances append at once. The entry with sequence n has the id n and is written with op_type=create, so two
 * writers that both read n-1 as the last entry cannot both take n: the loser re-reads the tail and links behind the
 * winner. The {@link ChainHead} document only spares walking the whole chain to find the tail; it is advanced with
 * compare-and-set and may lag, so the tail is the head followed forward for as long as later entries exist.
 */
@Component
public class AuditChain {

    /** The "previous hash" of the first entry. */
    static final String GENESIS = "";
    /** Concurrent writers that keep losing the race for the next place give up after this many attempts. */
    static final int MAX_ATTEMPTS = 100;

    /** A canonical encoding of its own, independent of how the application's mapper is configured. */
    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private final ElasticsearchOperations operations;
    /** Writers of one instance take turns; writers of different instances are kept apart by op_type=create. */
    private final ReentrantLock lock = new ReentrantLock();

    public AuditChain(ElasticsearchOperations operations) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.NONE);
    }

    /** Links the event behind the current last entry and stores it; returns it as stored. */
    AuditEvent append(AuditEvent unlinked) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Tail tail = tail();
                AuditEvent linked = link(unlinked, tail.sequence() + 1, tail.hash());
                try {
                    operations.index(DocumentVersions.conditionalWrite(linked.id(), linked, null),
                            operations.getIndexCoordinatesFor(AuditEvent.class));
                } catch (RuntimeException e) {
                    if (!VersionConflicts.is(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    continue;
                }
                advanceHead(linked);
                return linked;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Links the events one behind the other after the current last entry and stores them in that order (bulk loading):
     * one create per entry and the head advanced once at the end, instead of reading the tail and moving the head for
     * each. Not a bulk request: a writer of another instance may take any place in between, and an entry stored behind
     * a place someone else took would break the chain. So each entry is created on its own; after losing a place, the
     * tail is read again and the rest links behind the winner.
     */
    void appendAll(List<AuditEvent> unlinked) {
        if (unlinked.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            Tail tail = tail();
            AuditEvent last = null;
            int lost = 0;
            for (int i = 0; i < unlinked.size(); ) {
                AuditEvent linked = link(unlinked.get(i), tail.sequence() + 1, tail.hash());
                try {
                    operations.index(DocumentVersions.conditionalWrite(linked.id(), linked, null),
                            operations.getIndexCoordinatesFor(AuditEvent.class));
                } catch (RuntimeException e) {
                    if (!VersionConflicts.is(e) || ++lost >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    tail = tail();
                    continue;
                }
                tail = new Tail(linked.sequence(), linked.hash());
                last = linked;
                i++;
            }
            advanceHead(last);
        } finally {
            lock.unlock();
        }
    }

    /** The last entry as far as a realtime read can tell: the head, then forward while later entries exist. */
    Tail tail() {
        ChainHead head = operations.get(ChainHead.ID, ChainHead.class);
        long sequence = head == null ? 0 : head.sequence();
        String hash = head == null ? GENESIS : head.hash();
        for (AuditEvent next = entry(sequence + 1); next != null; next = entry(sequence + 1)) {
            sequence = next.sequence();
            hash = next.hash();
        }
        return new Tail(sequence, hash);
    }

    /** Where the retention cut the chain: the last entry removed, or null when none was. */
    ChainHead anchor() {
        return operations.get(ChainHead.ANCHOR_ID, ChainHead.class);
    }

    /**
     * Moves the anchor to {@code entry}, only forward and only from the anchor read ({@code current}, null for none).
     *
     * @return false when another instance moved it first
     */
    boolean moveAnchor(ChainHead current, AuditEvent entry) {
        SeqNoPrimaryTerm version = current == null ? null : current.seqNoPrimaryTerm();
        ChainHead next = new ChainHead(ChainHead.ANCHOR_ID, entry.sequence(), entry.hash(), version);
        try {
            operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL).index(
                    DocumentVersions.conditionalWrite(ChainHead.ANCHOR_ID, next, version),
                    operations.getIndexCoordinatesFor(ChainHead.class));
            return true;
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                return false;
            }
            throw e;
        }
    }

    AuditEvent entryAt(long sequence) {
        return entry(sequence);
    }

    ChainHead head() {
        return operations.get(ChainHead.ID, ChainHead.class);
    }

    private AuditEvent entry(long sequence) {
        return operations.get(id(sequence), AuditEvent.class);
    }

    private void advanceHead(AuditEvent linked) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ChainHead head = operations.get(ChainHead.ID, ChainHead.class);
            if (head != null && head.sequence() >= linked.sequence()) {
                return;
            }
            SeqNoPrimaryTerm current = head == null ? null : head.seqNoPrimaryTerm();
            ChainHead next = new ChainHead(ChainHead.ID, linked.sequence(), linked.hash(), current);
            try {
                operations.index(DocumentVersions.conditionalWrite(ChainHead.ID, next, current),
                        operations.getIndexCoordinatesFor(ChainHead.class));
                return;
            } catch (RuntimeException e) {
                if (!VersionConflicts.is(e)) {
                    throw e;
                }
            }
        }
        // Still behind after that many rounds: harmless, the next writer walks forward from wherever the head is.
    }

    static String id(long sequence) {
        return Long.toString(sequence);
    }

    static AuditEvent link(AuditEvent e, long sequence, String previousHash) {
        AuditEvent unhashed = new AuditEvent(id(sequence), e.at(), e.actor(), e.action(), e.productId(), e.language(),
                e.fromState(), e.toState(), e.comment(), e.details(), sequence, previousHash, null);
        return new AuditEvent(unhashed.id(), e.at(), e.actor(), e.action(), e.productId(), e.language(), e.fromState(),
                e.toState(), e.comment(), e.details(), sequence, previousHash, hash(unhashed));
    }

    /** SHA-256 (hex) of the entry's canonical JSON: its fields in a fixed order, the previous hash included. */
    static String hash(AuditEvent e) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("sequence", e.sequence());
        canonical.put("at", e.at() == null ? null : e.at().toString());
        canonical.put("actor", e.actor());
        canonical.put("action", e.action());
        canonical.put("productId", e.productId());
        canonical.put("language", e.language());
        canonical.put("fromState", e.fromState());
        canonical.put("toState", e.toState());
        canonical.put("comment", e.comment());
        canonical.put("details", e.details());
        canonical.put("previousHash", e.previousHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e1);
        }
    }

    record Tail(long sequence, String hash) {
    }
}
