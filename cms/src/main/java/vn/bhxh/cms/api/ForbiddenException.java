package vn.bhxh.cms.api;

/** The caller is known but may not do this; {@code reason} names a {@code problem.<reason>} message. */
public class ForbiddenException extends RuntimeException {

    private final String reason;
    private final Object[] args;

    public ForbiddenException(String reason, Object... args) {
        super(reason);
        this.reason = reason;
        this.args = args;
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args;
    }
}
