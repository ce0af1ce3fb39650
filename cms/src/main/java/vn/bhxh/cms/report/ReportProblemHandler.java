package vn.bhxh.cms.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.bhxh.cms.api.Problems;

/** Refused report input as problem+json with one localized message per field ({@code errors}). */
@RestControllerAdvice(assignableTypes = ReportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportProblemHandler {

    private final MessageSource messages;
    private final ReportMessages reportMessages;

    ReportProblemHandler(MessageSource messages, ReportMessages reportMessages) {
        this.messages = messages;
        this.reportMessages = reportMessages;
    }

    @ExceptionHandler(ReportValidationException.class)
    ResponseEntity<ProblemDetail> invalid(ReportValidationException e, Locale locale) {
        ProblemDetail problem = Problems.of(messages, HttpStatus.BAD_REQUEST, "report-invalid", locale);
        List<Map<String, String>> errors = reportMessages.resolve(e.errors());
        // The detail names every field and what is wrong with it, like every other 400; errors lists them for programs.
        problem.setDetail(problem.getDetail() + " " + errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
