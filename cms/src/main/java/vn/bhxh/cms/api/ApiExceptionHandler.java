package vn.bhxh.cms.api;

import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.bhxh.cms.elasticsearch.ElasticsearchUnavailableException;
import vn.bhxh.templates.template.ConcurrentTemplateChangeException;
import vn.bhxh.templates.template.InvalidTemplateException;

/** Every API error as RFC 9457 problem+json, titled in the caller's language (Vietnamese unless asked otherwise). */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler({ElasticsearchUnavailableException.class, DataAccessResourceFailureException.class, ConnectException.class})
    ResponseEntity<ProblemDetail> elasticsearchUnavailable(Exception e, Locale locale) {
        log.warn("Elasticsearch unavailable: {}", e.getMessage());
        ProblemDetail problem = Problems.of(messages, HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", locale);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Anything unforeseen: logged with its stack trace here, a plain sentence for the caller. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) throws Exception {
        if (e instanceof AccessDeniedException
                || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(messages, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(messages, HttpStatus.NOT_FOUND, "not-found", locale, e.what(), e.id()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e, Locale locale) {
        ProblemDetail problem = Problems.of(messages, e.status(), e.reason(), locale, e.args());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(Exception e, Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(messages, HttpStatus.FORBIDDEN, "forbidden", locale));
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<ProblemDetail> invalidTemplate(InvalidTemplateException e, Locale locale) {
        ProblemDetail problem = Problems.of(messages, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-template", locale, e.key().id());
        boolean english = "en".equals(locale.getLanguage());
        problem.setProperty("problems", e.problems().stream()
                .map(p -> Map.of("code", p.code(), "message", english ? p.english() : p.vietnamese())).toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ConcurrentTemplateChangeException.class)
    ResponseEntity<ProblemDetail> templateChanged(RuntimeException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(messages, HttpStatus.CONFLICT, "template-changed", locale));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> stale(PreconditionFailedException e, Locale locale) {
        ProblemDetail problem = Problems.of(messages, HttpStatus.PRECONDITION_FAILED, "stale-version", locale);
        problem.setProperty("currentVersion", e.currentEtag());
        problem.setProperty("current", e.current());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(e.currentEtag()).body(problem);
    }

    @ExceptionHandler(Versions.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(Exception e, Locale locale) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(Problems.of(messages, HttpStatus.PRECONDITION_REQUIRED, "if-match-required", locale));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        ProblemDetail problem = Problems.of(messages, HttpStatus.BAD_REQUEST, "invalid-input", locale);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
