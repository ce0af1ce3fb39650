package vn.bhxh.cms.translation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import vn.bhxh.cms.workflow.WorkflowState;

/**
 * A translation segment by segment, as the workbench page and the API show it.
 *
 * @param aligned false when the translation was changed outside the workbench into a structure that does not match the
 *                source's blocks: its segments then start empty and the page says so
 * @param version the variant's version: every segment write names it (If-Match)
 */
public record Workbench(String productId, String language, String languageName, String title, int sourceRevision,
        int variantRevision, WorkflowState state, boolean outdated, boolean aligned, Progress progress,
        List<Segment> segments, @JsonIgnore SeqNoPrimaryTerm version) {

    /** Segments and words (of the source) translated and up to date, of all. */
    public record Progress(int segments, int segmentsDone, int words, int wordsDone) {

        public int percent() {
            return words == 0 ? (segments == 0 ? 100 : 100 * segmentsDone / segments) : 100 * wordsDone / words;
        }
    }

    /**
     * One segment with its translation.
     *
     * @param previousSource for an outdated segment, the source text its translation was made for
     * @param diff for an outdated segment, the words of the source that changed since
     */
    public record Segment(String id, String field, String kind, int block, String source, List<InlineCode> codes, int words,
            String target, SegmentStatus status, String previousSource, List<WordDiff.Part> diff, String translatedBy,
            String reviewedBy, List<SegmentSet.SegmentComment> comments, List<Glossary.Hit> glossary) {
    }

    @JsonIgnore
    public Segment segment(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
