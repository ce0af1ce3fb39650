package vn.bhxh.cms.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;

/**
 * One e-mail in the outbox (index {@code mail-outbox}): written when something happens, sent later by whichever
 * instance claims it, so the action that caused it never waits for, or fails with, the SMTP server.
 *
 * @param digest waits for the recipient's daily digest instead of going out on its own
 * @param line the one line this e-mail contributes to a digest
 * @param attempts sending attempts so far; each attempt is claimed (conditional update) before it is made
 * @param nextAttemptAt not sent before this time (retries back off)
 */
@Document(indexName = "mail-outbox", createIndex = false)
public record OutgoingMail(
        @Id String id,
        @Field(type = FieldType.Keyword) String username,
        @Field(type = FieldType.Keyword) String recipient,
        @Field(type = FieldType.Text) String subject,
        @Field(type = FieldType.Text, index = false) String text,
        @Field(type = FieldType.Text, index = false) String html,
        @Field(type = FieldType.Text, index = false) String line,
        @Field(type = FieldType.Keyword) String link,
        @Field(type = FieldType.Boolean) boolean digest,
        @Field(type = FieldType.Keyword) MailState state,
        @Field(type = FieldType.Integer) int attempts,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant nextAttemptAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant sentAt,
        @Field(type = FieldType.Text, index = false) String lastError,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    OutgoingMail attempt(Instant next) {
        return new OutgoingMail(id, username, recipient, subject, text, html, line, link, digest, state, attempts + 1, createdAt,
                next, sentAt, lastError, seqNoPrimaryTerm);
    }

    OutgoingMail sent(Instant at) {
        return new OutgoingMail(id, username, recipient, subject, text, html, line, link, digest, MailState.SENT, attempts, createdAt,
                nextAttemptAt, at, null, seqNoPrimaryTerm);
    }

    OutgoingMail failed(String error, boolean last) {
        return new OutgoingMail(id, username, recipient, subject, text, html, line, link, digest,
                last ? MailState.FAILED : MailState.PENDING, attempts, createdAt, nextAttemptAt, sentAt, error, seqNoPrimaryTerm);
    }

    OutgoingMail digested() {
        return new OutgoingMail(id, username, recipient, subject, text, html, line, link, digest, MailState.DIGESTED, attempts,
                createdAt, nextAttemptAt, sentAt, lastError, seqNoPrimaryTerm);
    }
}
