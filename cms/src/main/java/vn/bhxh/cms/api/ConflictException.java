package vn.bhxh.cms.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request is valid but the resource's state does not allow it (409). */
public class ConflictException extends ApiException {

    public ConflictException(String reason, Object... args) {
        this(reason, Map.of(), args);
    }

    public ConflictException(String reason, Map<String, Object> properties, Object... args) {
        super(HttpStatus.CONFLICT, reason, properties, args);
    }
}
