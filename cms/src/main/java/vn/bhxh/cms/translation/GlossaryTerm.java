package vn.bhxh.cms.translation;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * A Vietnamese term (BHXH, BHYT, BHXH tự nguyện, VssID…) with its agreed translation into one language and a note,
 * in the index {@code glossary}. The id is {@code <language>~<term in lower case>}.
 */
@Document(indexName = "glossary", createIndex = false)
public record GlossaryTerm(
        @Id String id,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Keyword) String term,
        @Field(type = FieldType.Text, index = false) String translation,
        @Field(type = FieldType.Text, index = false) String note,
        @Field(type = FieldType.Keyword) String updatedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt) {

    public static String id(String language, String term) {
        return language + "~" + term.strip().toLowerCase(Locale.ROOT);
    }
}
