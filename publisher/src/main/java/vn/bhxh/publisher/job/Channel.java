package vn.bhxh.publisher.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A kind of remote service a target can be, by its stable id ({@code FACEBOOK}, {@code APP_FEED}). A value, not an
 * enum: each channel plug-in declares its own beside its connector, so adding a channel touches only its package. The
 * id is what jobs and targets store and what the API sends, so it never changes once used.
 */
public record Channel(String id) {

    /** What a plug-in may declare; what a client sends is only looked up, so an odd id is simply an unknown channel. */
    public static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Channel {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Thiếu mã kênh / a channel id is required");
        }
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
