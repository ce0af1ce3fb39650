package vn.bhxh.cms.api;

import java.util.Map;

/** The request is valid but the resource's state does not allow it (409); {@code reason} names a message. */
public class ConflictException extends RuntimeException {

    private final String reason;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ConflictException(String reason, Object... args) {
        this(reason, Map.of(), args);
    }

    public ConflictException(String reason, Map<String, Object> properties, Object... args) {
        super(reason);
        this.reason = reason;
        this.args = args;
        this.properties = properties;
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
