package vn.bhxh.cms.site;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;

/**
 * The services' refusals as one readable sentence for a page, from the same messages the API uses
 * ({@code problem.<reason>.title} and {@code .detail}), so the UI and the API explain a refusal alike.
 */
@Component
public class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public String text(RuntimeException e, Locale locale) {
        if (e instanceof ApiException refusal) {
            return sentence(refusal.reason(), locale, refusal.args());
        }
        if (e instanceof PreconditionFailedException) {
            return sentence("stale-version", locale);
        }
        if (e instanceof NotFoundException) {
            return messages.getMessage("ui.error.404.text", null, locale);
        }
        throw e;
    }

    public String sentence(String reason, Locale locale, Object... args) {
        String title = messages.getMessage("problem." + reason + ".title", null, reason, locale);
        String detail = messages.getMessage("problem." + reason + ".detail", args, "", locale);
        return detail.isBlank() ? title : title + ": " + detail;
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
