package vn.bhxh.media;

import java.util.Locale;

/** A file the system will not accept, with a reason the uploader can act on. Nothing of it is kept. */
public class MediaRefusal extends Exception {

    private final RefusalCode code;
    private final MediaMessage reason;

    public MediaRefusal(RefusalCode code, Object... arguments) {
        this(code, MediaMessage.of(code.messageKey(), arguments));
    }

    private MediaRefusal(RefusalCode code, MediaMessage reason) {
        super(reason.text(Locale.ENGLISH));
        this.code = code;
        this.reason = reason;
    }

    public RefusalCode code() {
        return code;
    }

    public MediaMessage reason() {
        return reason;
    }
}
