package vn.bhxh.cms.distribution;

import java.util.List;
import java.util.Map;
import vn.bhxh.publisher.job.Channel;

/**
 * A target as an admin creates or changes it. {@code credentials} are write-only: null keeps the stored ones, a map
 * replaces them all (encrypted before they are stored).
 */
public record TargetCommand(String id, Channel channel, String name, String endpoint, String account,
        Map<String, String> credentials, Long minIntervalSeconds, List<String> adminContacts, String province) {
}
