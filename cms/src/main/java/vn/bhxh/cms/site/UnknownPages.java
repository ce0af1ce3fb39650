package vn.bhxh.cms.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.bhxh.cms.api.ApiExceptionHandler;

/**
 * An address that matches nothing: a readable 404 page for people, the API's problem+json for {@code /api/**}
 * (without this, the API's handler, which applies everywhere, would answer browsers with JSON).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    private final ApiExceptionHandler api;

    UnknownPages(ApiExceptionHandler api) {
        this.api = api;
    }

    /** Declared as Object: Spring picks the return value handler by the returned value (a page or a problem). */
    @ExceptionHandler(NoResourceFoundException.class)
    Object unknown(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return api.handleException(e, new ServletWebRequest(request, response));
        }
        response.setStatus(404);
        ModelAndView page = new ModelAndView("error/404");
        page.addObject("status", 404);
        return page;
    }
}
