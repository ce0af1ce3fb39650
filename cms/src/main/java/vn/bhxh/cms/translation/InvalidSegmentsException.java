package vn.bhxh.cms.translation;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.bhxh.cms.api.ApiException;

/** Translated segments that cannot be saved (400 {@code invalid-segments}); {@code errors} names each segment and why. */
public class InvalidSegmentsException extends ApiException {

    private final List<SegmentError> errors;

    public InvalidSegmentsException(List<SegmentError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-segments", Map.of("errors", errors), errors.size(),
                String.join("; ", errors.stream().map(e -> e.segment() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<SegmentError> errors() {
        return errors;
    }

    /** What is wrong with one segment; {@code field} is where it was in the request. */
    public record SegmentError(String segment, String field, String message) {
    }
}
