package vn.bhxh.cms.site;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.elasticsearch.ElasticsearchUnavailableException;

/**
 * Errors of the pages as readable pages (never JSON, never a stack trace). Only for page controllers ({@link PageController}):
 * the API keeps its problem+json handler. Ordered first so that handler does not answer for the pages.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final Refusals refusals;

    WebErrors(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, 404, null);
    }

    @ExceptionHandler({ApiException.class, PreconditionFailedException.class})
    ModelAndView refused(RuntimeException e, HttpServletResponse response, Locale locale) {
        int status = e instanceof ApiException refusal ? refusal.status().value() : 409;
        return page(response, status == 403 ? 403 : status, refusals.text(e, locale));
    }

    /** A form without the version it was made from (only a hand-made request lacks it). */
    @ExceptionHandler(Versions.PreconditionRequiredException.class)
    ModelAndView versionMissing(HttpServletResponse response, Locale locale) {
        return page(response, 428, refusals.sentence("if-match-required", locale));
    }

    /**
     * A request the page's own form never sends (a field left out or unreadable, made by hand or by a script): 400 naming
     * the field, and nothing was done.
     */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ModelAndView fieldMissing(Exception e, HttpServletResponse response, Locale locale) {
        String field = e instanceof MissingServletRequestParameterException parameter ? parameter.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return page(response, 400, refusals.sentence("missing-parameter", locale, field));
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class, HttpMessageNotReadableException.class})
    ModelAndView unreadable(HttpServletResponse response, Locale locale) {
        return page(response, 400, refusals.sentence("bad-request", locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletResponse response, Locale locale) {
        return page(response, 413, refusals.message("ui.error.too-large", locale));
    }

    @ExceptionHandler({ElasticsearchUnavailableException.class, DataAccessResourceFailureException.class})
    ModelAndView unavailable(Exception e, HttpServletResponse response, Locale locale) {
        log.warn("Elasticsearch unavailable: {}", e.getMessage());
        response.setHeader("Retry-After", "5");
        return page(response, 503, refusals.sentence("storage-unavailable", locale));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (e instanceof AccessDeniedException
                || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("Unexpected error on a page", e);
        return page(response, 500, null);
    }

    private static ModelAndView page(HttpServletResponse response, int status, String detail) {
        response.setStatus(status);
        String view = switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 500 -> "error/500";
            default -> "error/refused";
        };
        ModelAndView page = new ModelAndView(view);
        page.addObject("status", status);
        page.addObject("detail", detail);
        return page;
    }
}
