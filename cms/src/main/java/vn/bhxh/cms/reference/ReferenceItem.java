package vn.bhxh.cms.reference;

import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One entry of reference data; the id is {@code <kind>:<code>}.
 *
 * @param parent the parent group of an audience sub-group (3.1–3.10 belong to 3)
 * @param startMonthDay a campaign's yearly first day, {@code MM-DD}
 * @param endMonthDay a campaign's yearly last day, {@code MM-DD}
 * @param script a language's ISO 15924 script
 */
@Document(indexName = "reference-data", createIndex = false)
public record ReferenceItem(
        @Id String id,
        @Field(type = FieldType.Keyword) ReferenceKind kind,
        @Field(type = FieldType.Keyword) String code,
        @Field(type = FieldType.Text) String nameVi,
        @Field(type = FieldType.Text) String nameEn,
        @Field(type = FieldType.Keyword) String parent,
        @Field(type = FieldType.Keyword) String startMonthDay,
        @Field(type = FieldType.Keyword) String endMonthDay,
        @Field(type = FieldType.Text) String descriptionVi,
        @Field(type = FieldType.Keyword) String script,
        @Field(type = FieldType.Integer) int order) {

    public static String id(ReferenceKind kind, String code) {
        return kind.name() + ":" + code;
    }
}
