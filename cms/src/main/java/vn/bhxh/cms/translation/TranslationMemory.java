package vn.bhxh.cms.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Per language, the approved translations of source segments: an exact match (the same source, codes included) and
 * fuzzy matches of at least {@link #MIN_SIMILARITY} percent, best first.
 */
@Service
public class TranslationMemory {

    /** Matches below this similarity are not offered. */
    public static final int MIN_SIMILARITY = 60;
    /** At most this many matches per segment. */
    public static final int MAX_MATCHES = 5;
    private static final int CANDIDATES = 20;

    private final MemoryStore store;

    TranslationMemory(MemoryStore store) {
        this.store = store;
    }

    /** A remembered translation offered for a segment. */
    public record Match(String source, String target, int similarity, boolean exact, String productId) {
    }

    public List<Match> matches(String language, String source) {
        String text = Placeholders.spaced(source);
        if (text.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        store.find(id(language, source)).ifPresent(e -> matches.add(new Match(e.source(), e.target(), 100, true, e.productId())));
        for (MemoryEntry entry : store.candidates(language, text, CANDIDATES)) {
            if (entry.source().equals(source)) {
                continue;
            }
            int similarity = Similarity.percent(source, entry.source());
            if (similarity >= MIN_SIMILARITY) {
                matches.add(new Match(entry.source(), entry.target(), similarity, false, entry.productId()));
            }
        }
        matches.sort(Comparator.comparing((Match m) -> !m.exact()).thenComparing(Comparator.comparingInt(Match::similarity).reversed()));
        return matches.size() > MAX_MATCHES ? List.copyOf(matches.subList(0, MAX_MATCHES)) : matches;
    }

    /** Remembers the approved translations of a variant's segments. */
    void remember(String language, String productId, String approvedBy, Instant at, List<SegmentSet.StoredSegment> segments) {
        List<MemoryEntry> entries = new ArrayList<>();
        for (SegmentSet.StoredSegment segment : segments) {
            if (segment.target() == null || segment.target().isBlank() || segment.outdated()
                    || Placeholders.plain(segment.source()).isBlank()) {
                continue;
            }
            entries.add(new MemoryEntry(id(language, segment.source()), language, segment.source(),
                    Placeholders.spaced(segment.source()), segment.target(), productId, approvedBy, at));
        }
        store.saveAll(entries);
    }

    public long size(String language) {
        return store.count(language);
    }

    static String id(String language, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return language + "~" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
