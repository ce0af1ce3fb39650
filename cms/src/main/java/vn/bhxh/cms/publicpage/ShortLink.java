package vn.bhxh.cms.publicpage;

import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** A short address {@code /p/<code>} and the variant it stands for; written once, never changed. */
@Document(indexName = "short-links", createIndex = false)
record ShortLink(
        @Id String code,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language) {
}
