package vn.bhxh.cms.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * An API token for a script or connector. The secret is shown once at creation; only its SHA-256 is kept
 * (a token is 256 random bits, so a fast hash is enough: there is nothing to guess).
 */
@Document(indexName = "api-tokens", createIndex = false)
public record ApiToken(
        @Id String id,
        @Field(type = FieldType.Keyword) String username,
        @Field(type = FieldType.Text) String name,
        @Field(type = FieldType.Keyword, index = false) String secretHash,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant expiresAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant revokedAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
