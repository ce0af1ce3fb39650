package vn.bhxh.cms.distribution;

import java.time.Instant;
import java.util.List;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.publisher.job.Channel;

/** A channel target without its credentials: only the names of those that are set. */
public record TargetView(String id, Channel channel, String name, String endpoint, String account, List<String> credentialNames,
        long minIntervalSeconds, List<String> adminContacts, String province, boolean paused, String pausedReason, Instant pausedAt,
        Instant createdAt, Instant updatedAt, String etag) {

    static TargetView of(ChannelTarget t) {
        return new TargetView(t.id(), t.channel(), t.name(), t.endpoint(), t.account(), t.credentialNames(), t.minIntervalSeconds(),
                t.adminContacts(), t.province(), t.paused(), t.pausedReason(), t.pausedAt(), t.createdAt(), t.updatedAt(),
                t.seqNoPrimaryTerm() == null ? null : Versions.etag(t.seqNoPrimaryTerm()));
    }
}
