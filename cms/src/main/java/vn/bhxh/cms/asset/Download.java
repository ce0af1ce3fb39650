package vn.bhxh.cms.asset;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** One download, for the provinces' monthly reports: who, from which province, which asset and variant. */
@Document(indexName = "asset-downloads", createIndex = false)
public record Download(
        @Id String id,
        @Field(type = FieldType.Keyword) String assetId,
        @Field(type = FieldType.Keyword) String variant,
        @Field(type = FieldType.Keyword) String username,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant at) {
}
