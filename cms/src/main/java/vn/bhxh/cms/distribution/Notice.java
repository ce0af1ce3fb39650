package vn.bhxh.cms.distribution;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import vn.bhxh.cms.audit.AuditAction;

/**
 * Something a person must act on: a target paused because its token stopped working, a schedule missed. Shown to
 * {@code recipients} (usernames), or to every administrator when there are none.
 */
@Document(indexName = "notices", createIndex = false)
public record Notice(
        @Id String id,
        @Field(type = FieldType.Keyword) String kind,
        @Field(type = FieldType.Keyword) List<String> recipients,
        @Field(type = FieldType.Keyword) String targetId,
        @Field(type = FieldType.Keyword) String jobId,
        @Field(type = FieldType.Text) String message,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt) {

    public static final String TARGET_PAUSED = AuditAction.TARGET_PAUSED.name();
    public static final String DELIVERY_OVERDUE = AuditAction.DELIVERY_OVERDUE.name();
    public static final String MANUAL_REMOVAL = AuditAction.MANUAL_REMOVAL.name();
    public static final String MANUAL_UPDATE = AuditAction.MANUAL_UPDATE.name();

    public Notice {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
