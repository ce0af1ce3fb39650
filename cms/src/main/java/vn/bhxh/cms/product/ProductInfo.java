package vn.bhxh.cms.product;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * What a product is, shared by all its language variants (and copied into each variant so that search,
 * facets and access filters work on one index).
 *
 * @param effectiveFrom the day from which the content is valid
 * @param effectiveUntil the last valid day: a leaflet is superseded when the law changes
 */
public record ProductInfo(
        @Field(type = FieldType.Keyword) ProductType type,
        @Field(type = FieldType.Keyword) Set<String> topics,
        @Field(type = FieldType.Keyword) Set<String> audiences,
        @Field(type = FieldType.Keyword) String campaign,
        @Field(type = FieldType.Keyword) Scope scope,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String ownerUnit,
        @Field(type = FieldType.Keyword) Set<String> tags,
        @Field(type = FieldType.Date, format = DateFormat.date) LocalDate effectiveFrom,
        @Field(type = FieldType.Date, format = DateFormat.date) LocalDate effectiveUntil) {

    public ProductInfo {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        scope = scope == null ? Scope.NATIONAL : scope;
    }
}
