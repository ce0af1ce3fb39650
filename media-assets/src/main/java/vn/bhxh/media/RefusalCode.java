package vn.bhxh.media;

import java.util.Locale;

/** Why a file was refused, with the HTTP status that fits it best. */
public enum RefusalCode {
    TOO_LARGE(413),
    UNKNOWN_TYPE(415),
    TYPE_NOT_ALLOWED(415),
    DECLARED_TYPE_MISMATCH(415),
    EXTENSION_MISMATCH(415),
    ACTIVE_CONTENT(415),
    DECOMPRESSION_BOMB(422),
    TOO_LONG(422),
    UNSAFE_FILE_NAME(400);

    private final int httpStatus;

    RefusalCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String messageKey() {
        return "refusal." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
