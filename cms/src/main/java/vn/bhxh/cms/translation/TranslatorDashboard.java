package vn.bhxh.cms.translation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;

/**
 * The translator's work per language they are scoped to: translations to write or bring up to date and to review, the
 * outdated segments and the words still to translate in them, and how many of those segments the language's memory
 * already has a match for. Counted over the queue's variants (at most {@link vn.bhxh.cms.product.WorkLists#MAX_ITEMS}).
 */
@Service
public class TranslatorDashboard {

    /** Memory look-ups per language and page view at most (one search each); the page says when it looked at fewer. */
    static final int MAX_MEMORY_LOOKUPS = 100;

    private final SegmentService segments;
    private final TranslationMemory memory;

    TranslatorDashboard(SegmentService segments, TranslationMemory memory) {
        this.segments = segments;
        this.memory = memory;
    }

    /**
     * One language's work.
     *
     * @param openSegments segments not yet translated or outdated, in the translations to write
     * @param segmentsToReview translated segments, written by someone else, waiting for a second speaker's review
     * @param memoryChecked open segments looked up in the memory ({@link #MAX_MEMORY_LOOKUPS} at most)
     * @param memoryHits of those, segments with a match (exact or fuzzy); {@code exactHits} with a 100% one
     */
    public record LanguageWork(String language, String name, int toTranslate, int toReview, int outdatedSegments,
            int openSegments, int wordsToTranslate, int segmentsToReview, int memoryChecked, int memoryHits, int exactHits,
            long memorySize) {

        public boolean memoryPartial() {
            return memoryChecked < openSegments;
        }
    }

    /** What is left of one translation in the queue. */
    public record Remaining(int words, int outdatedSegments) {
    }

    /** The languages' work, by name, and what is left of each queued translation (by variant id). */
    public record Dashboard(List<LanguageWork> languages, Map<String, Remaining> remaining) {
    }

    /**
     * @param toTranslate the translator's queue (translations to write or bring up to date)
     * @param toReview translations waiting for this user's review
     * @param names the languages' names in the page's language
     */
    public Dashboard build(Actor actor, List<Variant> toTranslate, List<Variant> toReview, Map<String, String> names) {
        List<LanguageWork> languages = new ArrayList<>();
        Map<String, Remaining> remaining = new HashMap<>();
        for (String language : actor.scopes().languages()) {
            int outdated = 0;
            int words = 0;
            int toReviewSegments = 0;
            int translations = 0;
            List<String> open = new ArrayList<>();
            for (Variant variant : toTranslate) {
                if (!variant.language().equals(language)) {
                    continue;
                }
                translations++;
                Workbench workbench;
                try {
                    workbench = segments.outline(actor, variant.productId(), language);
                } catch (ApiException | NotFoundException e) {
                    // Gone or changed since the queue was read: it counts as waiting, with nothing to add up.
                    continue;
                }
                int variantWords = 0;
                int variantOutdated = 0;
                for (Workbench.Segment segment : workbench.segments()) {
                    if (!segment.status().done()) {
                        variantWords += segment.words();
                        variantOutdated += segment.status() == SegmentStatus.OUTDATED ? 1 : 0;
                        open.add(segment.source());
                    } else if (segment.status() == SegmentStatus.TRANSLATED && !actor.username().equals(segment.translatedBy())) {
                        toReviewSegments++;
                    }
                }
                remaining.put(variant.id(), new Remaining(variantWords, variantOutdated));
                words += variantWords;
                outdated += variantOutdated;
            }
            int reviews = (int) toReview.stream().filter(v -> v.language().equals(language)).count();
            MemoryHits hits = memoryHits(language, open);
            languages.add(new LanguageWork(language, names.getOrDefault(language, language), translations, reviews, outdated,
                    open.size(), words, toReviewSegments, hits.checked, hits.hits, hits.exact, memory.size(language)));
        }
        languages.sort(Comparator.comparing(LanguageWork::name));
        return new Dashboard(List.copyOf(languages), Map.copyOf(remaining));
    }

    private record MemoryHits(int checked, int hits, int exact) {
    }

    /** The same source text in several translations is looked up once and counted for each. */
    private MemoryHits memoryHits(String language, List<String> sources) {
        Map<String, List<TranslationMemory.Match>> known = new HashMap<>();
        int checked = 0;
        int hits = 0;
        int exact = 0;
        for (String source : sources) {
            List<TranslationMemory.Match> matches = known.get(source);
            if (matches == null) {
                if (known.size() >= MAX_MEMORY_LOOKUPS) {
                    continue;
                }
                matches = memory.matches(language, source);
                known.put(source, matches);
            }
            checked++;
            if (!matches.isEmpty()) {
                hits++;
                exact += matches.getFirst().exact() ? 1 : 0;
            }
        }
        return new MemoryHits(checked, hits, exact);
    }
}
