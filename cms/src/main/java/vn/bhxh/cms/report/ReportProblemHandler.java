package vn.bhxh.cms.report;

import java.util.Locale;
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
        problem.setProperty("errors", reportMessages.resolve(e.errors()));
        return ResponseEntity.badRequest().body(problem);
    }
}
