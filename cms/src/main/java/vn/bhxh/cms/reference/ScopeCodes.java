package vn.bhxh.cms.reference;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.security.ScopeCheck;
import vn.bhxh.cms.security.Scopes;

/**
 * A user's scopes name reference data (topics, departments, languages, a province): an unknown code, such as a
 * province typed as "LC" or "Lào Cai", would silently narrow the user to nothing, so it is refused (400) instead.
 * Shared by the users API and the admin pages, whose form offers these codes as choices instead of free text.
 */
@Component
public class ScopeCodes implements ScopeCheck {

    private final ReferenceCodes codes;
    private final ReferenceLists lists;

    ScopeCodes(ReferenceCodes codes, ReferenceLists lists) {
        this.codes = codes;
        this.lists = lists;
    }

    @Override
    public ScopeChoices choices(Locale locale) {
        return new ScopeChoices(lists.names(ReferenceKind.TOPICS, locale), lists.names(ReferenceKind.UNITS, locale),
                lists.names(ReferenceKind.LANGUAGES, locale), lists.names(ReferenceKind.PROVINCES, locale));
    }

    @Override
    public void require(Scopes scopes) {
        if (scopes == null) {
            return;
        }
        codes.requireAll("scopes.topics", ReferenceKind.TOPICS, scopes.topics());
        codes.requireAll("scopes.departments", ReferenceKind.UNITS, scopes.departments());
        codes.requireAll("scopes.languages", ReferenceKind.LANGUAGES, scopes.languages());
        codes.require("scopes.province", ReferenceKind.PROVINCES, scopes.province());
    }
}
