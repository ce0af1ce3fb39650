package vn.bhxh.cms.translation;

import static vn.bhxh.cms.security.Role.REVIEWER;
import static vn.bhxh.cms.security.Role.TRANSLATOR;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.product.ContentLimits;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantApproved;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.Actor;

/**
 * The translation workbench: a translation as segments of its Vietnamese source, saved segment by segment into the
 * variant (one new revision per save), reviewed segment by segment by a second speaker, remembered once approved.
 * When the source changes, only the segments whose source text changed become outdated; the others keep their state.
 */
@Service
public class SegmentService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SegmentService.class);

    /** A translated segment is at most this long (characters, codes included). */
    public static final int MAX_TARGET = 5_000;
    /** Segments one save may change at most. */
    public static final int MAX_EDITS = 2_000;

    private final ProductService products;
    private final SegmentStore store;
    private final TranslationMemory memory;
    private final GlossaryStore glossary;
    private final ReferenceLists reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    SegmentService(ProductService products, SegmentStore store, TranslationMemory memory, GlossaryStore glossary,
            ReferenceLists reference, AuditLog audit, MessageSource messages, Clock clock) {
        this.products = products;
        this.store = store;
        this.memory = memory;
        this.glossary = glossary;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** A translated segment as the translator sends it. */
    public record Edit(String id, String target) {
    }

    public enum Decision { ACCEPT, COMMENT }

    public Workbench open(Actor actor, String productId, String language) {
        State state = state(actor, productId, language);
        return view(state, glossary.list(language, Glossary.MAX_TERMS));
    }

    /** The translation's segments with their status and words, without glossary hits (for counting, not editing). */
    public Workbench outline(Actor actor, String productId, String language) {
        return view(state(actor, productId, language), List.of());
    }

    /** The names people know the language by (Tày, not tyz), in the page's language. */
    public String languageName(String language) {
        return reference.names(ReferenceKind.LANGUAGES, LocaleContextHolder.getLocale()).getOrDefault(language, language);
    }

    /** Memory matches for one segment of the translation. */
    public List<TranslationMemory.Match> suggestions(Actor actor, String productId, String language, String segmentId) {
        State state = state(actor, productId, language);
        SourceSegment segment = state.segment(segmentId);
        return memory.matches(language, segment.source());
    }

    /** Memory matches for the workbench's segments still to translate (untranslated or outdated), at most {@code limit}. */
    public Map<String, List<TranslationMemory.Match>> openSuggestions(Workbench workbench, int limit) {
        Map<String, List<TranslationMemory.Match>> suggestions = new LinkedHashMap<>();
        for (Workbench.Segment segment : workbench.segments()) {
            if (suggestions.size() >= limit) {
                break;
            }
            if (!segment.status().done()) {
                suggestions.put(segment.id(), memory.matches(workbench.language(), segment.source()));
            }
        }
        return suggestions;
    }

    /**
     * Saves translated segments from the version the translator started from: every segment is checked first (its codes
     * complete and well nested, its length), and nothing is saved when any is wrong. An edit of an outdated segment, even
     * with its text unchanged, says the translation fits the new source.
     */
    public Workbench save(Actor actor, String productId, String language, SeqNoPrimaryTerm expected, List<Edit> edits,
            String comment) {
        State state = state(actor, productId, language);
        requireVersion(state.variant, expected);
        if (edits == null || edits.isEmpty()) {
            throw new BadRequestException("missing-field", "segments");
        }
        if (edits.size() > MAX_EDITS) {
            throw new BadRequestException("invalid-input", "segments: ≤ " + MAX_EDITS);
        }
        if (comment != null && comment.length() > ContentLimits.COMMENT) {
            throw new BadRequestException("invalid-input", "comment: ≤ " + ContentLimits.COMMENT);
        }
        List<InvalidSegmentsException.SegmentError> errors = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            errors.addAll(check(state, edits.get(i), "segments[" + i + "].target"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSegmentsException(errors);
        }
        Map<String, SegmentSet.StoredSegment> next = new LinkedHashMap<>(state.stored);
        for (Edit edit : edits) {
            SourceSegment segment = state.segment(edit.id());
            String target = edit.target() == null ? "" : edit.target().strip();
            SegmentSet.StoredSegment before = state.stored.get(segment.id());
            if (target.isEmpty()) {
                next.remove(segment.id());
            } else if (before == null || !target.equals(before.target()) || before.outdated()) {
                next.put(segment.id(), new SegmentSet.StoredSegment(segment.id(), segment.source(), target, segment.source(),
                        SegmentState.TRANSLATED, actor.username(), null, before == null ? List.of() : before.comments()));
            }
        }
        Map<String, String> targets = new HashMap<>();
        next.forEach((id, stored) -> targets.put(id, stored.target()));
        VariantContent rebuilt = Segmenter.rebuild(state.source.content(), targets);
        VariantContent content = new VariantContent(rebuilt.title(), rebuilt.summary(), rebuilt.body(),
                state.variant.content().assets());
        boolean upToDate = !state.variant.outdated() || state.segments.stream().allMatch(s -> {
            SegmentSet.StoredSegment stored = next.get(s.id());
            return stored != null && !stored.outdated();
        });
        Variant saved = products.editTranslation(actor, productId, language, expected, content,
                comment == null || comment.isBlank() ? "segments" : comment, upToDate);
        store.save(new SegmentSet(saved.id(), productId, language, saved.revision(), state.source.revision(),
                List.copyOf(next.values()), clock.instant(), null));
        audit.record(actor.username(), AuditAction.SEGMENTS_SAVED, productId, language, null, null, comment,
                edits.stream().map(Edit::id).toList().toString());
        return open(actor, productId, language);
    }

    /**
     * Applies the segments of an XLIFF file: a new or changed target is saved; an outdated segment whose target is
     * unchanged is confirmed only when the file no longer marks it {@code initial}. Any segment that is wrong (an unknown
     * id, broken codes, markup XLIFF allows but HTML cannot carry) fails the whole import, each named in the answer.
     */
    public Workbench importXliff(Actor actor, String productId, String language, SeqNoPrimaryTerm expected,
            SegmentXliff.ReadFile file) {
        State state = state(actor, productId, language);
        requireVersion(state.variant, expected);
        Locale locale = LocaleContextHolder.getLocale();
        List<InvalidSegmentsException.SegmentError> errors = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (SegmentXliff.Read read : file.segments()) {
            String where = "segment " + read.id();
            if (read.problem() != null) {
                errors.add(new InvalidSegmentsException.SegmentError(read.id(), where, message("unsupported", locale, read.problem())));
                continue;
            }
            if (read.target() == null) {
                continue;
            }
            Edit edit = new Edit(read.id(), read.target());
            List<InvalidSegmentsException.SegmentError> problems = check(state, edit, where);
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                continue;
            }
            SegmentSet.StoredSegment stored = state.stored.get(read.id());
            String target = read.target().strip();
            boolean changed = stored == null ? !target.isEmpty() : !target.equals(stored.target());
            boolean confirmed = stored != null && stored.outdated() && !"initial".equals(read.state());
            if (changed || confirmed) {
                edits.add(edit);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSegmentsException(errors);
        }
        if (edits.isEmpty()) {
            return view(state, glossary.list(language, Glossary.MAX_TERMS));
        }
        return save(actor, productId, language, expected, edits, "imported XLIFF");
    }

    /**
     * A second speaker of the language accepts a translated segment or comments on it (a comment takes back an
     * acceptance): a reviewer or translator scoped to the language who did not translate the segment.
     */
    public Workbench review(Actor actor, String productId, String language, SeqNoPrimaryTerm expected, String segmentId,
            Decision decision, String comment) {
        State state = state(actor, productId, language);
        requireVersion(state.variant, expected);
        if (!(actor.hasAny(REVIEWER, TRANSLATOR) && actor.scopes().languages().contains(language))) {
            audit.refused(actor.username(), "forbidden-segment-review", productId, language, "review " + segmentId);
            throw new ForbiddenException("forbidden-segment-review", languageName(language));
        }
        if (decision == null) {
            throw new BadRequestException("missing-field", "decision");
        }
        SourceSegment segment = state.segment(segmentId);
        SegmentSet.StoredSegment stored = state.stored.get(segment.id());
        if (stored == null || stored.target() == null || stored.target().isEmpty() || stored.outdated()) {
            throw new ConflictException("segment-not-translated", segmentId);
        }
        if (actor.username().equals(stored.translatedBy())) {
            audit.refused(actor.username(), "four-eyes", productId, language, "review " + segmentId);
            throw new ForbiddenException("four-eyes");
        }
        List<SegmentSet.SegmentComment> comments = new ArrayList<>(stored.comments());
        SegmentSet.StoredSegment reviewed;
        if (decision == Decision.ACCEPT) {
            reviewed = stored.withState(SegmentState.ACCEPTED, actor.username(), comments);
        } else {
            if (comment == null || comment.isBlank()) {
                throw new BadRequestException("missing-field", "comment");
            }
            if (comment.length() > ContentLimits.COMMENT) {
                throw new BadRequestException("invalid-input", "comment: ≤ " + ContentLimits.COMMENT);
            }
            comments.add(new SegmentSet.SegmentComment(actor.username(), comment.strip(), clock.instant()));
            reviewed = stored.withState(SegmentState.TRANSLATED, null, comments);
        }
        Map<String, SegmentSet.StoredSegment> next = new LinkedHashMap<>(state.stored);
        next.put(segment.id(), reviewed);
        store.save(new SegmentSet(state.variant.id(), productId, language, state.variant.revision(), state.source.revision(),
                List.copyOf(next.values()), clock.instant(), null));
        audit.record(actor.username(), AuditAction.SEGMENT_REVIEWED, productId, language, null, null, comment,
                decision + " " + segmentId);
        return open(actor, productId, language);
    }

    /** An approved translation: its segments are approved and go into the language's memory. */
    @EventListener
    void approved(VariantApproved event) {
        Variant variant = event.variant();
        if (variant.isSource()) {
            return;
        }
        try {
            remember(variant);
        } catch (RuntimeException e) {
            // The approval is saved already; the memory misses this variant's segments until its next approval.
            log.warn("Approved segments of {} could not be remembered: {}", variant.id(), e.getMessage());
        }
    }

    private void remember(Variant variant) {
        Actor system = new Actor(variant.approvedBy() == null ? "system" : variant.approvedBy(),
                java.util.Set.of(vn.bhxh.cms.security.Role.ADMIN), null);
        State state = state(system, variant.productId(), variant.language());
        List<SegmentSet.StoredSegment> approved = new ArrayList<>();
        for (SegmentSet.StoredSegment stored : state.stored.values()) {
            approved.add(stored.outdated() || stored.target() == null || stored.target().isEmpty() ? stored
                    : stored.withState(SegmentState.APPROVED, stored.reviewedBy(), stored.comments()));
        }
        Instant now = clock.instant();
        store.save(new SegmentSet(variant.id(), variant.productId(), variant.language(), state.variant.revision(),
                state.source.revision(), approved, now, null));
        memory.remember(variant.language(), variant.productId(), variant.approvedBy(), now, approved);
    }

    private List<InvalidSegmentsException.SegmentError> check(State state, Edit edit, String field) {
        Locale locale = LocaleContextHolder.getLocale();
        List<InvalidSegmentsException.SegmentError> errors = new ArrayList<>();
        String id = edit.id() == null ? "" : edit.id();
        SourceSegment segment = state.find(id);
        if (segment == null) {
            errors.add(new InvalidSegmentsException.SegmentError(id, field, message("unknown", locale, id)));
            return errors;
        }
        String target = edit.target() == null ? "" : edit.target().strip();
        if (target.isEmpty()) {
            return errors;
        }
        int max = switch (segment.field()) {
            case "title" -> ContentLimits.TITLE;
            case "summary" -> ContentLimits.SUMMARY;
            default -> MAX_TARGET;
        };
        if (target.length() > max) {
            errors.add(new InvalidSegmentsException.SegmentError(id, field, message("tooLong", locale, max)));
        }
        for (Placeholders.Problem problem : Placeholders.check(target, segment.codes())) {
            errors.add(new InvalidSegmentsException.SegmentError(id, field, message(problem.key(), locale, problem.mark())));
        }
        return errors;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage("segment." + key, args, key, locale);
    }

    private static void requireVersion(Variant current, SeqNoPrimaryTerm expected) {
        if (expected == null) {
            throw new Versions.PreconditionRequiredException();
        }
        if (!expected.equals(current.seqNoPrimaryTerm())) {
            throw new PreconditionFailedException(Versions.etag(current.seqNoPrimaryTerm()), null);
        }
    }

    /** The source's current segments and, by segment id, the translations standing for them. */
    private record State(Variant source, Variant variant, List<SourceSegment> segments,
            Map<String, SegmentSet.StoredSegment> stored, boolean aligned) {

        SourceSegment find(String id) {
            return segments.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }

        SourceSegment segment(String id) {
            SourceSegment segment = find(id);
            if (segment == null) {
                throw new NotFoundException("segment", id);
            }
            return segment;
        }
    }

    private State state(Actor actor, String productId, String language) {
        Variant variant = products.readVariant(actor, productId, language);
        if (variant.isSource()) {
            throw new ConflictException("not-a-translation", language);
        }
        Variant source = products.readVariant(actor, productId, Variant.SOURCE_LANGUAGE);
        List<SourceSegment> current = Segmenter.segments(source.content());
        SegmentSet set = store.find(variant.id()).orElse(null);
        List<SegmentSet.StoredSegment> base;
        boolean aligned = true;
        if (set != null && set.variantRevision() == variant.revision()) {
            base = set.segments();
        } else if (variant.revision() == 0) {
            base = List.of();
        } else {
            VariantContent then = sourceAt(actor, source, variant.sourceRevision());
            Segmenter.Derived derived = Segmenter.derive(then, variant.content());
            aligned = derived.aligned();
            Map<String, SegmentSet.StoredSegment> earlier = new HashMap<>();
            if (set != null) {
                set.segments().forEach(s -> earlier.put(s.id(), s));
            }
            boolean approved = variant.state().isReleased() && !variant.outdated();
            base = new ArrayList<>();
            for (SourceSegment segment : Segmenter.segments(then)) {
                String target = derived.targets().get(segment.id());
                if (target == null) {
                    continue;
                }
                SegmentSet.StoredSegment known = earlier.get(segment.id());
                if (known != null && target.equals(known.target()) && segment.source().equals(known.translatedFrom())) {
                    base.add(known.standingFor(segment.id(), segment.source()));
                } else {
                    base.add(new SegmentSet.StoredSegment(segment.id(), segment.source(), target, segment.source(),
                            approved ? SegmentState.APPROVED : SegmentState.TRANSLATED, null, null, List.of()));
                }
            }
        }
        Map<String, SegmentSet.StoredSegment> stored = realign(base, current);
        if (!variant.outdated() && Integer.valueOf(source.revision()).equals(variant.sourceRevision())) {
            // Not outdated although made from the current source: an approver confirmed that the translation still says
            // what the changed source says (confirm-source), so its segments stand for the current source texts.
            stored.replaceAll((id, s) -> s.outdated() ? new SegmentSet.StoredSegment(s.id(), s.source(), s.target(), s.source(),
                    s.state(), s.translatedBy(), s.reviewedBy(), s.comments()) : s);
        }
        return new State(source, variant, current, stored, aligned);
    }

    /** The Vietnamese content the translation was made from (its revision in the version history), else the current one. */
    private VariantContent sourceAt(Actor actor, Variant source, Integer revision) {
        if (revision == null || revision == source.revision()) {
            return source.content();
        }
        try {
            return products.version(actor, source.productId(), Variant.SOURCE_LANGUAGE, revision).content();
        } catch (NotFoundException e) {
            return source.content();
        }
    }

    /**
     * Puts translations made for earlier source segments onto the current ones: a segment whose text is unchanged keeps
     * its translation and state (longest common subsequence of the texts, in order); between two unchanged ones, changed
     * segments of the same field are paired in order and keep their translation, now outdated.
     */
    static Map<String, SegmentSet.StoredSegment> realign(List<SegmentSet.StoredSegment> before, List<SourceSegment> now) {
        int n = before.size();
        int m = now.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = sameText(before.get(i), now.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        Map<String, SegmentSet.StoredSegment> result = new LinkedHashMap<>();
        List<SegmentSet.StoredSegment> goneInGap = new ArrayList<>();
        List<SourceSegment> newInGap = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && sameText(before.get(i), now.get(j))) {
                pair(goneInGap, newInGap, result);
                result.put(now.get(j).id(), before.get(i).standingFor(now.get(j).id(), now.get(j).source()));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                newInGap.add(now.get(j++));
            } else {
                goneInGap.add(before.get(i++));
            }
        }
        pair(goneInGap, newInGap, result);
        return result;
    }

    private static boolean sameText(SegmentSet.StoredSegment stored, SourceSegment segment) {
        return stored.source().equals(segment.source()) && stored.id().charAt(0) == segment.id().charAt(0);
    }

    private static void pair(List<SegmentSet.StoredSegment> gone, List<SourceSegment> added,
            Map<String, SegmentSet.StoredSegment> result) {
        List<SegmentSet.StoredSegment> unpaired = new ArrayList<>(gone);
        for (SourceSegment segment : added) {
            for (SegmentSet.StoredSegment candidate : unpaired) {
                if (candidate.id().charAt(0) == segment.id().charAt(0)) {
                    result.put(segment.id(), candidate.standingFor(segment.id(), segment.source()));
                    unpaired.remove(candidate);
                    break;
                }
            }
        }
        gone.clear();
        added.clear();
    }

    private Workbench view(State state, List<GlossaryTerm> terms) {
        List<Workbench.Segment> segments = new ArrayList<>();
        int done = 0;
        int words = 0;
        int wordsDone = 0;
        for (SourceSegment segment : state.segments) {
            SegmentSet.StoredSegment stored = state.stored.get(segment.id());
            SegmentStatus status;
            if (stored == null || stored.target() == null) {
                status = SegmentStatus.NEW;
            } else if (stored.outdated()) {
                status = SegmentStatus.OUTDATED;
            } else {
                status = switch (stored.state()) {
                    case ACCEPTED -> SegmentStatus.ACCEPTED;
                    case APPROVED -> SegmentStatus.APPROVED;
                    default -> SegmentStatus.TRANSLATED;
                };
            }
            String target = stored == null ? null : stored.target();
            boolean outdated = status == SegmentStatus.OUTDATED;
            segments.add(new Workbench.Segment(segment.id(), segment.field(), segment.kind(), segment.block(), segment.source(),
                    segment.codes(), segment.words(), target, status, outdated ? stored.translatedFrom() : null,
                    outdated ? WordDiff.between(Placeholders.spaced(stored.translatedFrom()), Placeholders.spaced(segment.source())) : List.of(),
                    stored == null ? null : stored.translatedBy(), stored == null ? null : stored.reviewedBy(),
                    stored == null ? List.of() : stored.comments(), Glossary.hits(terms, segment.source(), target)));
            words += segment.words();
            if (status.done()) {
                done++;
                wordsDone += segment.words();
            }
        }
        Variant v = state.variant;
        return new Workbench(v.productId(), v.language(), languageName(v.language()), state.source.content().title(),
                state.source.revision(), v.revision(), v.state(), v.outdated(), state.aligned,
                new Workbench.Progress(segments.size(), done, words, wordsDone), segments, v.seqNoPrimaryTerm());
    }
}
