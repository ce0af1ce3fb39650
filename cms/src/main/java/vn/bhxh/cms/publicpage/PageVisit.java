package vn.bhxh.cms.publicpage;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * One visit of a short address: a small document written once (no update, so any number of instances count without
 * conflicts and without scripts). It holds no address, cookie or anything else about the visitor.
 *
 * @param day             the Vietnam calendar day of the visit
 * @param province        the province the link was made for ({@code ?tinh=}), or null
 * @param productProvince the province of a provincial product, or null for national products
 * @param counter         day, language, source and province in one key: what the per-day counts are grouped by
 */
@Document(indexName = "page-visits", createIndex = false)
record PageVisit(
        @Id String id,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String language,
        @Field(type = FieldType.Date, format = DateFormat.date) LocalDate day,
        @Field(type = FieldType.Keyword) String source,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String productProvince,
        @Field(type = FieldType.Keyword) String counter) {

    static final String SEPARATOR = "|";

    static PageVisit of(String id, String productId, String language, LocalDate day, VisitSource source, String province,
            String productProvince) {
        String counter = String.join(SEPARATOR, day.toString(), language, source.code(), province == null ? "" : province);
        return new PageVisit(id, productId, language, day, source.code(), province, productProvince, counter);
    }
}
