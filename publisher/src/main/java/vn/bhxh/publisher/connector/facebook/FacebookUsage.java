package vn.bhxh.publisher.connector.facebook;

import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.job.Json;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;

/**
 * Reads X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage (percent of the allowance used) so that we
 * slow down before Facebook throttles at 100%.
 */
final class FacebookUsage {

    private static final List<String> PERCENT_FIELDS = List.of("call_count", "total_cputime", "total_time");

    private FacebookUsage() {
    }

    /** How long to stay quiet, or null when usage is comfortable. */
    static Duration waitAdvised(HttpHeaders headers) {
        int highest = 0;
        long regainMinutes = 0;
        for (String name : List.of("X-App-Usage", "X-Page-Usage")) {
            JsonNode usage = Json.parseOrNull(headers.firstValue(name).orElse(null));
            highest = Math.max(highest, highestPercent(usage));
        }
        JsonNode buc = Json.parseOrNull(headers.firstValue("X-Business-Use-Case-Usage").orElse(null));
        if (buc != null) {
            for (JsonNode entries : buc) {
                for (JsonNode entry : entries) {
                    highest = Math.max(highest, highestPercent(entry));
                    regainMinutes = Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        }
        if (regainMinutes > 0) {
            return Duration.ofMinutes(regainMinutes);
        }
        if (highest >= 95) {
            return Duration.ofMinutes(5);
        }
        if (highest >= 80) {
            return Duration.ofSeconds(30);
        }
        return null;
    }

    private static int highestPercent(JsonNode usage) {
        if (usage == null) {
            return 0;
        }
        return PERCENT_FIELDS.stream().mapToInt(f -> usage.path(f).asInt(0)).max().orElse(0);
    }
}
