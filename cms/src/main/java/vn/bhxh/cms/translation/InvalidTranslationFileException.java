package vn.bhxh.cms.translation;

import vn.bhxh.cms.api.BadRequestException;

/** An uploaded translation file that cannot be read: a 400 problem {@code invalid-file} saying why. */
public class InvalidTranslationFileException extends BadRequestException {

    private final String why;

    public InvalidTranslationFileException(String why) {
        super("invalid-file", why);
        this.why = why;
    }

    @Override
    public String getMessage() {
        return why;
    }

    /** The file's JSON could not be read: the cause says which field, the message stays out of the answer. */
    public InvalidTranslationFileException(String why, Throwable cause) {
        this(why);
        initCause(cause);
    }
}
