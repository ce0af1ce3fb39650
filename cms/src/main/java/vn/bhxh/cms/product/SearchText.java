package vn.bhxh.cms.product;

import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * Text indexed for search only. The folded copies have diacritics removed by the application
 * ({@link Folding}), so that search without diacritics behaves the same on the managed node (which has no
 * asciifolding filter) and on a full cluster.
 */
public record SearchText(
        @Field(type = FieldType.Text) String body,
        @Field(type = FieldType.Text) String titleFolded,
        @Field(type = FieldType.Text) String summaryFolded,
        @Field(type = FieldType.Text) String bodyFolded,
        @Field(type = FieldType.Text) String assetText) {
}
