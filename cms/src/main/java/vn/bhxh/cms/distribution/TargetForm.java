package vn.bhxh.cms.distribution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bhxh.publisher.job.Channel;

/**
 * An administrator's form for a channel target. Credentials are typed as {@code name=value} lines and are write-only:
 * left empty when editing, the stored ones are kept (the page never shows them).
 */
public record TargetForm(
        @NotBlank @Size(max = 60) String id,
        @NotNull Channel channel,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String endpoint,
        @Size(max = 200) String account,
        @Size(max = 4000) String credentials,
        @Min(0) @Max(86_400) Long minIntervalSeconds,
        @Size(max = 1000) String adminContacts,
        @Size(max = 20) String province) {

    Map<String, String> credentialMap() {
        if (credentials == null || credentials.isBlank()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : credentials.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return map;
    }

    List<String> contacts() {
        if (adminContacts == null || adminContacts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(adminContacts.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
