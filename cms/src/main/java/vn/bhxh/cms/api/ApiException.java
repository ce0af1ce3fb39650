package vn.bhxh.cms.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains: an HTTP status, a {@code reason} naming the {@code problem.<reason>} messages,
 * their arguments, and extra properties for the problem body.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final Object[] args;
    private final Map<String, Object> properties;

    protected ApiException(HttpStatus status, String reason, Map<String, Object> properties, Object... args) {
        super(reason);
        this.status = status;
        this.reason = reason;
        this.args = args;
        this.properties = properties;
    }

    public HttpStatus status() {
        return status;
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
