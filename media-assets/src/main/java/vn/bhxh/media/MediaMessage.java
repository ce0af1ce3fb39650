package vn.bhxh.media;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A user-facing sentence, kept as a key and arguments so each reader gets it in their language:
 * Vietnamese by default, English when asked.
 */
public record MediaMessage(String key, List<Object> arguments) {

    public static final Locale VIETNAMESE = Locale.of("vi");
    private static final String BUNDLE = "vn.bhxh.media.messages";

    public MediaMessage {
        arguments = List.copyOf(arguments);
    }

    public static MediaMessage of(String key, Object... arguments) {
        return new MediaMessage(key, List.of(arguments));
    }

    public String text(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments.toArray());
    }

    /** Vietnamese. */
    public String text() {
        return text(VIETNAMESE);
    }

    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }
}
