package vn.bhxh.cms.api;

/** The request asks for something outside a documented limit (400); {@code reason} names a message. */
public class BadRequestException extends RuntimeException {

    private final String reason;
    private final Object[] args;

    public BadRequestException(String reason, Object... args) {
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
