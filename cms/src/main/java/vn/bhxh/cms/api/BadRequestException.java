package vn.bhxh.cms.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request asks for something outside a documented limit (400). */
public class BadRequestException extends ApiException {

    public BadRequestException(String reason, Object... args) {
        super(HttpStatus.BAD_REQUEST, reason, Map.of(), args);
    }
}
