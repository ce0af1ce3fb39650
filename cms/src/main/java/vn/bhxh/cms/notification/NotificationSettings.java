package vn.bhxh.cms.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;

/** Where and how often one person gets e-mail from the CMS; the id is their user name. Without an address: none. */
@Document(indexName = "notification-settings", createIndex = false)
public record NotificationSettings(
        @Id String username,
        @Field(type = FieldType.Keyword) String email,
        @Field(type = FieldType.Keyword) NotificationFrequency frequency,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt) {

    /** Someone who never chose: no address, so no e-mail. */
    static NotificationSettings none(String username) {
        return new NotificationSettings(username, null, NotificationFrequency.IMMEDIATE, null);
    }

    boolean wantsMail() {
        return email != null && !email.isBlank() && frequency != NotificationFrequency.NONE;
    }
}
