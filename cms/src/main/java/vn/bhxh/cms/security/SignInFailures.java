package vn.bhxh.cms.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * The failed sign-ins of one user name or one client address ({@code user:…}, {@code ip:…}), shared by every
 * instance: the failures still inside the window and, once a limit was reached, until when attempts are refused.
 *
 * @param lastChange when this was last changed: entries idle longer than the window and the block are removed
 */
@Document(indexName = "sign-in-failures", createIndex = false)
record SignInFailures(
        @Id String key,
        @Field(type = FieldType.Date, format = DateFormat.date_time) List<Instant> failures,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant blockedUntil,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant lastChange,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    SignInFailures {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
