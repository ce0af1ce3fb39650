package vn.bhxh.cms.api;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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
import tools.jackson.core.JacksonException;
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
        if (e.status() == HttpStatus.BAD_REQUEST && e.getCause() instanceof JacksonException unreadable) {
            // A file or body whose JSON could not be read: say where and which field, never the parser's words.
            return ResponseEntity.badRequest().body(InputProblems.unreadableJson(messages, locale, unreadable));
        }
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
        // The current ETag only: the stored document (with its internal search fields) is the client's to GET.
        problem.setProperty("currentVersion", e.currentEtag());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(e.currentEtag()).body(problem);
    }

    @ExceptionHandler(Versions.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(Exception e, Locale locale) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(Problems.of(messages, HttpStatus.PRECONDITION_REQUIRED, "if-match-required", locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(InputProblems.unreadableJson(messages, LocaleContextHolder.getLocale(), e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(InputProblems.invalidParameter(messages, LocaleContextHolder.getLocale(), name,
                e.getValue(), e.getRequiredType()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.badRequest().body(InputProblems.field(messages, locale, e.getParameterName(), "missing-parameter"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.badRequest().body(InputProblems.field(messages, locale, e.getRequestPartName(), "missing-parameter"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof MissingRequestHeaderException header) {
            return ResponseEntity.badRequest().body(InputProblems.field(messages, locale, header.getHeaderName(), "missing-header"));
        }
        return ResponseEntity.badRequest().body(Problems.of(messages, HttpStatus.BAD_REQUEST, "bad-request", locale));
    }

    /** {@code @Min}/{@code @Max}/{@code @Size} on query parameters: {@code size=100000} names {@code size} and its limit. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name() : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(Map.of("field", String.valueOf(name),
                    "message", messages.getMessage(error, locale))));
        });
        return ResponseEntity.badRequest().body(invalidInput(errors, locale));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(messages, HttpStatus.NOT_FOUND, "no-route",
                LocaleContextHolder.getLocale(), e.getHttpMethod().name(), "/" + e.getResourcePath().replaceFirst("^/+", "")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(Problems.of(messages,
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", LocaleContextHolder.getLocale(), e.getMethod()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(Problems.of(messages,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", LocaleContextHolder.getLocale(),
                String.valueOf(e.getContentType()), supported));
    }

    /**
     * Whatever Spring MVC refuses without a handler above still gets a title and detail in the caller's language
     * rather than the framework's English reason phrase.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && !problem.getType().toString().startsWith(Problems.TYPE_BASE)) {
            HttpStatus known = HttpStatus.resolve(status.value());
            if (known != null) {
                body = Problems.of(messages, known, known.is4xxClientError() ? "bad-request" : "internal-error",
                        LocaleContextHolder.getLocale());
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors, locale));
    }

    /** The detail names every field and what is wrong with it; {@code errors} lists them for programs. */
    private ProblemDetail invalidInput(List<Map<String, String>> errors, Locale locale) {
        String fields = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(messages, HttpStatus.BAD_REQUEST, "invalid-input", locale, fields);
        problem.setProperty("errors", errors);
        return problem;
    }
}
