package vn.bhxh.cms.distribution;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.annotations.DateFormat;
import org.springframework.data.elasticsearch.annotations.Document;
import org.springframework.data.elasticsearch.annotations.Field;
import org.springframework.data.elasticsearch.annotations.FieldType;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import vn.bhxh.publisher.job.Channel;

/**
 * A configured account content goes out to: the national portal, a province's portal, a Facebook Page, a Zalo OA, a
 * YouTube channel, the app feed. Credentials are stored sealed (AES-GCM, bound to the target id) and never leave
 * the server; {@code credentialNames} says which ones are set.
 *
 * @param account the service's own id (Page id, OA id, channel id)
 * @param adminContacts usernames told when the target is paused or misses a schedule (all admins when empty)
 * @param province the province (unit code) a local portal or Page belongs to, null for national targets
 */
@Document(indexName = "publish-targets", createIndex = false)
public record ChannelTarget(
        @Id String id,
        @Field(type = FieldType.Keyword) Channel channel,
        @Field(type = FieldType.Text) String name,
        @Field(type = FieldType.Keyword) String endpoint,
        @Field(type = FieldType.Keyword) String account,
        @Field(type = FieldType.Keyword, index = false) String sealedCredentials,
        @Field(type = FieldType.Keyword) List<String> credentialNames,
        @Field(type = FieldType.Long) long minIntervalSeconds,
        @Field(type = FieldType.Keyword) List<String> adminContacts,
        @Field(type = FieldType.Keyword) String province,
        @Field(type = FieldType.Boolean) boolean paused,
        @Field(type = FieldType.Text) String pausedReason,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant pausedAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant createdAt,
        @Field(type = FieldType.Date, format = DateFormat.date_time) Instant updatedAt,
        SeqNoPrimaryTerm seqNoPrimaryTerm) {

    public ChannelTarget {
        credentialNames = credentialNames == null ? List.of() : List.copyOf(credentialNames);
        adminContacts = adminContacts == null ? List.of() : List.copyOf(adminContacts);
    }

    ChannelTarget withPause(boolean isPaused, String reason, Instant now) {
        return new ChannelTarget(id, channel, name, endpoint, account, sealedCredentials, credentialNames, minIntervalSeconds,
                adminContacts, province, isPaused, isPaused ? reason : null, isPaused ? now : null, createdAt, now, seqNoPrimaryTerm);
    }

    ChannelTarget withCredentials(String sealed, List<String> names, Instant now) {
        return new ChannelTarget(id, channel, name, endpoint, account, sealed, names, minIntervalSeconds, adminContacts, province,
                paused, pausedReason, pausedAt, createdAt, now, seqNoPrimaryTerm);
    }
}
