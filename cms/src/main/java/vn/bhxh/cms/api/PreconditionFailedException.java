package vn.bhxh.cms.api;

/**
 * The write was made from a version that is no longer current (412). Carries the current ETag and
 * representation so the client can show what changed and retry.
 */
public class PreconditionFailedException extends RuntimeException {

    private final String currentEtag;
    private final Object current;

    public PreconditionFailedException(String currentEtag, Object current) {
        super("stale version; current is " + currentEtag);
        this.currentEtag = currentEtag;
        this.current = current;
    }

    public String currentEtag() {
        return currentEtag;
    }

    public Object current() {
        return current;
    }
}
