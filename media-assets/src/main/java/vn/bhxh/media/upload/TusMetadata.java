package vn.bhxh.media.upload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tus Upload-Metadata header: comma-separated "key base64value" pairs. */
public final class TusMetadata {

    private TusMetadata() {
    }

    public static Map<String, String> parse(String header) {
        Map<String, String> result = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            if (parts[0].isEmpty()) {
                continue;
            }
            String value = parts.length == 2 ? new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8) : "";
            result.put(parts[0], value);
        }
        return result;
    }
}
