package vn.bhxh.cms.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** Vietnamese first: English (or another language) only when the client asks for it. */
public final class Locales {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Locales() {
    }

    /** For code that runs before Spring MVC resolves the locale (security filters). */
    public static Locale requested(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? VIETNAMESE : request.getLocale();
    }
}
