package vn.bhxh.cms.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** A commune (xã, phường, đặc khu) under a province, kept by the province's staff; the id is {@code <province>~<code>}. */
@Document(indexName = "report-communes", createIndex = false)
public record Commune(
        @Id String id,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String code,
        @Field(type = FieldType.Keyword) String name) {

    public static String id(String province, String code) {
        return province + "~" + code;
    }
}
