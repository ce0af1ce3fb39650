package vn.bhxh.cms.product;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/** A communication product; its texts live in its language variants. */
@Document(indexName = "products", createIndex = false)
public record Product(
        @Id String id,
        @Field(type = FieldType.Object) ProductInfo info,
        @Field(type = FieldType.Keyword) String createdBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    public Product withInfo(ProductInfo newInfo, Instant now) {
        return new Product(id, newInfo, createdBy, createdAt, now, seqNoPrimaryTerm);
    }
}
