package vn.bhxh.cms.report;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** The e-mail addresses of a province that receive the reporting reminders; the id is the province code. */
@Document(indexName = "report-contacts", createIndex = false)
public record ProvinceContacts(
        @Id String province,
        @Field(type = FieldType.Keyword) List<String> emails,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        @Field(type = FieldType.Keyword) String updatedBy) {

    public ProvinceContacts {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
