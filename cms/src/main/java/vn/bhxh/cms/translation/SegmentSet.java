package vn.bhxh.cms.translation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * A translation's segments as the workbench last saved them, in the index {@code translation-segments} (id: the
 * variant's id). The variant's content is the record of what the translation says; this adds what the content cannot
 * hold: which source text each segment was translated from, who translated and reviewed it, and the reviewers' comments.
 * It holds for the variant revision it names; a variant changed another way (the older editor, a JSON import) is
 * aligned to the source again on the next read.
 */
@Document(indexName = "translation-segments", createIndex = false)
public record SegmentSet(
        @Id String id,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Integer) int variantRevision,
        @Field(type = FieldType.Integer) int sourceRevision,
        @Field(type = FieldType.Object, enabled = false) List<StoredSegment> segments,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    public SegmentSet {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /**
     * One translated segment.
     *
     * @param source the source text it stands for now (with codes)
     * @param translatedFrom the source text the target was written (or last confirmed) for: when it differs from
     *                       {@code source} the segment is outdated
     */
    public record StoredSegment(String id, String source, String target, String translatedFrom, SegmentState state,
            String translatedBy, String reviewedBy, List<SegmentComment> comments) {

        public StoredSegment {
            comments = comments == null ? List.of() : List.copyOf(comments);
        }

        public boolean outdated() {
            return target != null && !target.isEmpty() && translatedFrom != null && !translatedFrom.equals(source);
        }

        StoredSegment standingFor(String newId, String newSource) {
            return new StoredSegment(newId, newSource, target, translatedFrom, translatedFrom != null && translatedFrom.equals(newSource)
                    ? state : SegmentState.TRANSLATED, translatedBy, translatedFrom != null && translatedFrom.equals(newSource)
                    ? reviewedBy : null, comments);
        }

        StoredSegment withState(SegmentState newState, String reviewer, List<SegmentComment> newComments) {
            return new StoredSegment(id, source, target, translatedFrom, newState, translatedBy, reviewer, newComments);
        }
    }

    /** A second speaker's remark on a segment, for the translator. */
    public record SegmentComment(String by, String text,
            @Field(type = FieldType.Date, format = DateFormat.date_time) Instant at) {
    }
}
