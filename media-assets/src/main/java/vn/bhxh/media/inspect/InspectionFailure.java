package vn.bhxh.media.inspect;

import java.util.Locale;
import vn.bhxh.media.MediaMessage;

/** A file could not be inspected (malformed, hostile, too slow, too big to parse). The reason is kept on the asset. */
public class InspectionFailure extends Exception {

    private final MediaMessage reason;

    public InspectionFailure(MediaMessage reason) {
        super(reason.text(Locale.ENGLISH));
        this.reason = reason;
    }

    public MediaMessage reason() {
        return reason;
    }
}
