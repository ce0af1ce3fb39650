package vn.bhxh.templates.template;

/** Someone saved the same template since the editor opened it; the cms answers 409 Conflict. */
public class ConcurrentTemplateChangeException extends RuntimeException {

    public ConcurrentTemplateChangeException(TemplateKey key, int expected, int actual) {
        super("Mẫu " + key.id() + " đã được người khác sửa (phiên bản " + actual + ", bạn sửa từ phiên bản " + expected
                + "). / Template " + key.id() + " was changed by someone else (version " + actual + ", you edited version "
                + expected + ").");
    }
}
