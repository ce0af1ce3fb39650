package vn.bhxh.cms.preview;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One version of an administrator's template override; the id is {@code <lang>/<channel>/<slot>/<version>}, created
 * once and never changed, so two administrators saving at once cannot both take the same version.
 *
 * @param source the template text, null when this version went back to the shipped default
 */
@Document(indexName = "template-overrides", createIndex = false)
public record TemplateOverride(
        @Id String id,
        @Field(type = FieldType.Keyword) String keyId,
        @Field(type = FieldType.Keyword) String slot,
        @Field(type = FieldType.Keyword) String languageTag,
        @Field(type = FieldType.Integer) int version,
        @Field(type = FieldType.Text, index = false) String source,
        @Field(type = FieldType.Keyword) String savedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant savedAt) {
}
