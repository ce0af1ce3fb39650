package vn.bhxh.cms.reference;

import java.util.Locale;

/** The kinds of managed reference data, named as in the API path ({@code /api/v1/reference/topics}). */
public enum ReferenceKind {
    TOPICS,
    AUDIENCE_GROUPS,
    CAMPAIGNS,
    PROVINCES,
    UNITS,
    LANGUAGES;

    public static ReferenceKind fromPath(String path) {
        return valueOf(path.replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
