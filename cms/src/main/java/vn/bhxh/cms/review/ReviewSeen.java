package vn.bhxh.cms.review;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * Which revision of a variant a reviewer or approver last opened for review, so the next time the page shows what
 * changed since. The id is {@code <username>|<variantId>}.
 */
@Document(indexName = "review-seen", createIndex = false)
public record ReviewSeen(
        @Id String id,
        @Field(type = FieldType.Keyword) String username,
        @Field(type = FieldType.Keyword) String variantId,
        @Field(type = FieldType.Integer) int revision,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant at) {

    public static String id(String username, String variantId) {
        return username + "|" + variantId;
    }
}
