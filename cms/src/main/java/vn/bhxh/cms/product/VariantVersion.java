package vn.bhxh.cms.product;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** The content of a variant as one save left it; the id is {@code <variantId>@<revision>}. */
@Document(indexName = "variant-versions", createIndex = false)
public record VariantVersion(
        @Id String id,
        @Field(type = FieldType.Keyword) String variantId,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Integer) int revision,
        @Field(type = FieldType.Object, enabled = false) VariantContent content,
        @Field(type = FieldType.Integer) Integer sourceRevision,
        @Field(type = FieldType.Keyword) String savedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant savedAt,
        @Field(type = FieldType.Text) String comment) {

    public static String id(String variantId, int revision) {
        return variantId + "@" + revision;
    }
}
