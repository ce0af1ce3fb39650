package vn.bhxh.media.inspect;

import java.util.Map;
import java.util.Optional;

/** What Tika found in a file: its metadata (multiple values joined) and its text, possibly cut at the limit. */
public record ParsedContent(Map<String, String> metadata, String text, boolean textTruncated) {

    public ParsedContent {
        metadata = Map.copyOf(metadata);
    }

    public Optional<String> first(String name) {
        String value = metadata.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.split(TikaWorker.VALUE_SEPARATOR, 2)[0]);
    }

    public Optional<Double> number(String name) {
        return first(name).flatMap(value -> {
            try {
                return Optional.of(Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
