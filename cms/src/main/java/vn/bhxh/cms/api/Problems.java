package vn.bhxh.cms.api;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details from {@code messages*.properties}: {@code problem.<type>.title} and
 * {@code problem.<type>.detail}; the type URI names the kind of problem so clients can branch on it.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://bhxh.local/problems/";

    private Problems() {
    }

    public static ProblemDetail of(MessageSource messages, HttpStatus status, String type, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(messages.getMessage("problem." + type + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + type + ".detail", args, null, locale));
        return problem;
    }
}
