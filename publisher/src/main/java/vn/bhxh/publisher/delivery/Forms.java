package vn.bhxh.publisher.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** application/x-www-form-urlencoded bodies; null values are left out. */
public final class Forms {

    private Forms() {
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
