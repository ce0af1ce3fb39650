package vn.bhxh.cms.report;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;

/** Refusals on the report pages as readable pages (the API keeps its problem+json), in the page's language. */
@ControllerAdvice(assignableTypes = ReportPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportPageErrors {

    private final MessageSource messages;
    private final ReportMessages reportMessages;

    ReportPageErrors(MessageSource messages, ReportMessages reportMessages) {
        this.messages = messages;
        this.reportMessages = reportMessages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("error/404");
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletResponse response, Locale locale) {
        return page(response, e.status().value() == 403 ? 403 : e.status().value(), sentence(e.reason(), locale, e.args()));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ModelAndView stale(HttpServletResponse response, Locale locale) {
        return page(response, 412, sentence("stale-version", locale));
    }

    @ExceptionHandler(Versions.PreconditionRequiredException.class)
    ModelAndView versionMissing(HttpServletResponse response, Locale locale) {
        return page(response, 428, sentence("if-match-required", locale));
    }

    @ExceptionHandler(ReportValidationException.class)
    ModelAndView invalid(ReportValidationException e, HttpServletResponse response, Locale locale) {
        return page(response, 400, String.join(" ", e.errors().stream().map(i -> reportMessages.message(i, locale)).toList()));
    }

    private String sentence(String reason, Locale locale, Object... args) {
        String title = messages.getMessage("problem." + reason + ".title", null, reason, locale);
        String detail = messages.getMessage("problem." + reason + ".detail", args, "", locale);
        return detail.isBlank() ? title : title + ": " + detail;
    }

    private static ModelAndView page(HttpServletResponse response, int status, String detail) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(status == 403 ? "error/403" : "error/refused");
        page.addObject("status", status);
        page.addObject("detail", detail);
        return page;
    }
}
