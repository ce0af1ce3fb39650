package vn.bhxh.cms.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * A signed-in browser's web session, shared by every instance behind the load balancer. Attributes (the security
 * context, the CSRF token, a saved request, flash messages) are kept Java-serialized and Base64-encoded, one entry each,
 * so two requests of one session that change different attributes on two instances both keep their change.
 *
 * @param expiresAt when the session ends unless used again: what the clean-up searches for
 */
@Document(indexName = "web-sessions", createIndex = false)
record WebSession(
        @Id String id,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant lastAccessedAt,
        @Field(type = FieldType.Long, index = false) long maxInactiveSeconds,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant expiresAt,
        @Field(type = FieldType.Object, enabled = false) List<Attribute> attributes,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    WebSession {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** One session attribute: its name and its serialized value (Base64). */
    record Attribute(String name, String value) {
    }
}
