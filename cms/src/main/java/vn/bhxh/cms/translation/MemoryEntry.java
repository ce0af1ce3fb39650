package vn.bhxh.cms.translation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One approved translation of a source segment into one language, in the index {@code translation-memory}. The id is
 * {@code <language>~<hash of the source>}: the latest approved translation of a source text replaces the earlier one.
 *
 * @param source the source with its codes (what an exact match compares)
 * @param text the source without codes, analysed for the fuzzy search
 */
@Document(indexName = "translation-memory", createIndex = false)
public record MemoryEntry(
        @Id String id,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Text, index = false) String source,
        @Field(type = FieldType.Text, analyzer = "standard") String text,
        @Field(type = FieldType.Text, index = false) String target,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String approvedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant approvedAt) {
}
