package vn.bhxh.media.derive;

import java.util.Locale;
import vn.bhxh.media.MediaMessage;

/** No preview could be made of a file (broken pixels, unreadable page); the asset stays, without previews. */
public class DerivationFailure extends Exception {

    private final MediaMessage reason;

    public DerivationFailure(String detail, Throwable cause) {
        super(MediaMessage.of("derive.unreadable", detail).text(Locale.ENGLISH), cause);
        this.reason = MediaMessage.of("derive.unreadable", detail);
    }

    public MediaMessage reason() {
        return reason;
    }
}
