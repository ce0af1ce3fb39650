package vn.bhxh.cms.security;

import java.util.Locale;
import java.util.Map;

/**
 * Checks that a user's scopes name known codes, and offers those codes to choose from. Answered by the reference data, which depends on security (every feature
 * does), so security asks through this interface instead of depending on it back.
 */
public interface ScopeCheck {

    /** Refuses (400 naming the field) a scope that names an unknown code. */
    void require(Scopes scopes);

    /** The codes a scope may name, code → name in the page language, for the administrators' form to offer. */
    ScopeChoices choices(Locale locale);

    record ScopeChoices(Map<String, String> topics, Map<String, String> departments, Map<String, String> languages,
            Map<String, String> provinces) {
    }
}
