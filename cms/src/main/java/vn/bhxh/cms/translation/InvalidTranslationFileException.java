package vn.bhxh.cms.translation;

/** An uploaded translation file that cannot be read. */
public class InvalidTranslationFileException extends RuntimeException {

    public InvalidTranslationFileException(String message) {
        super(message);
    }

    /** The file's JSON could not be read: the cause says which field, the message stays out of the answer. */
    public InvalidTranslationFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
