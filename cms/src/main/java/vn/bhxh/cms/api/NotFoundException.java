package vn.bhxh.cms.api;

/** The thing asked for does not exist (or the caller may not know it does). */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
