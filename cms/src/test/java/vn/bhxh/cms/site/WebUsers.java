package vn.bhxh.cms.site;

import java.time.Instant;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.security.UserAccount;
import vn.bhxh.cms.security.UserAccountStore;

/** Test users made through the account store itself (the test contexts share one Elasticsearch, so saving again is fine). */
final class WebUsers {

    static final String PASSWORD = "mat-khau-giao-dien-123";

    private WebUsers() {
    }

    static String ensure(UserAccountStore accounts, PasswordEncoder passwords, String username, String displayName,
            Set<Role> roles, Scopes scopes) {
        accounts.save(new UserAccount(username, displayName, passwords.encode(PASSWORD), roles, scopes, true, Instant.now()));
        return username;
    }

    static Scopes languages(String... languages) {
        return new Scopes(Set.of(), Set.of(), Set.of(languages), null, Set.of());
    }

    static Scopes province(String province) {
        return new Scopes(Set.of(), Set.of(), Set.of(), province, Set.of());
    }
}
