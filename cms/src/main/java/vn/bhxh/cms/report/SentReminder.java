package vn.bhxh.cms.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/**
 * A reminder sent to a province for a period and deadline; the id {@code <province>~<period>~<due day>} is created
 * with op_type=create before the e-mail goes out, so of several instances only one sends it.
 */
@Document(indexName = "report-reminders", createIndex = false)
public record SentReminder(
        @Id String id,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Keyword) String period,
        @Field(type = FieldType.Date, format = DateFormat.date) LocalDate dueDay,
        @Field(type = FieldType.Keyword) List<String> recipients,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant sentAt) {

    public SentReminder {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    static String id(String province, ReportPeriod period) {
        return province + "~" + period.code() + "~" + period.dueDay();
    }
}
