package vn.bhxh.cms.report;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * Loudspeaker broadcasts of one radio file of the catalogue in one commune on one day.
 *
 * @param times how many times it went out that day
 * @param voluntary the file is about voluntary social insurance (its product has that topic): counts toward the
 *        plan's "at least 2 a week on voluntary social insurance"
 */
@Document(indexName = "report-broadcasts", createIndex = false)
public record Broadcast(
        @Id String id,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String commune,
        @Field(type = FieldType.Date, format = DateFormat.date) LocalDate date,
        @Field(type = FieldType.Keyword) String productId,
        @Field(type = FieldType.Keyword) String title,
        @Field(type = FieldType.Integer) int times,
        @Field(type = FieldType.Boolean) boolean voluntary,
        @Field(type = FieldType.Boolean) boolean demo,
        @Field(type = FieldType.Keyword) String recordedBy,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant recordedAt) {
}
