package vn.bhxh.cms.security;

/**
 * Checks that a user's scopes name known codes. Answered by the reference data, which depends on security (every feature
 * does), so security asks through this interface instead of depending on it back.
 */
public interface ScopeCheck {

    /** Refuses (400 naming the field) a scope that names an unknown code. */
    void require(Scopes scopes);
}
