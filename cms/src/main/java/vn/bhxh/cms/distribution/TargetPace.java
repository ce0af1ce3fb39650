package vn.bhxh.cms.distribution;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * When the next call to a channel target may go, shared by every instance: the end of its minimum interval after the
 * last call, or of the quiet its service asked for, whichever is later.
 */
@Document(indexName = "target-pacing", createIndex = false)
record TargetPace(
        @Id String targetId,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant nextAllowed,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {
}
