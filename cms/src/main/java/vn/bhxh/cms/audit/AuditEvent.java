package vn.bhxh.cms.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One entry of the append-only audit trail: who did what, when, to which product variant, with which comment.
 * Entries are only ever created (op_type=create), never updated or deleted through the application, and are chained
 * ({@code sequence}, {@code previousHash}, {@code hash}: see {@link AuditChain}) so that a change made behind the
 * application's back shows.
 */
@Document(indexName = "audit", createIndex = false)
public record AuditEvent(
        @Id String id,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant at,
        @Field(type = FieldType.Keyword) String actor,
        @Field(type = FieldType.Keyword) String action,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Keyword) String fromState,
        @Field(type = FieldType.Keyword) String toState,
        @Field(type = FieldType.Text) String comment,
        @Field(type = FieldType.Text) String details,
        @Field(type = FieldType.Long) Long sequence,
        @Field(type = FieldType.Keyword) String previousHash,
        @Field(type = FieldType.Keyword) String hash) {
}
