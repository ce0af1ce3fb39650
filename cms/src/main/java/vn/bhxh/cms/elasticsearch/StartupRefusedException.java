package vn.bhxh.cms.elasticsearch;

/** The configuration asks for something the store does not allow (a restore into an installation that is not empty). */
public class StartupRefusedException extends RuntimeException {

    public StartupRefusedException(String message) {
        super(message);
    }
}
