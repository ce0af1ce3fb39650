package vn.bhxh.cms.api;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The caller is known but may not do this (403). */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String reason, Object... args) {
        super(HttpStatus.FORBIDDEN, reason, Map.of(), args);
    }
}
