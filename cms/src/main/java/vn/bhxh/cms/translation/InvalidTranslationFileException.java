package vn.bhxh.cms.translation;

/** An uploaded translation file that cannot be read. */
public class InvalidTranslationFileException extends RuntimeException {

    public InvalidTranslationFileException(String message) {
        super(message);
    }
}
