package vn.bhxh.cms.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An administrator's form for a user, with the API's rules (user name pattern, password at least 12 characters).
 * Topics, departments, languages and the province are chosen from the reference data; channels are typed as
 * comma-separated names. The password is optional when editing (empty keeps the current one).
 */
public record UserForm(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,60}$") String username,
        @NotBlank @Size(max = 120) String displayName,
        @Size(max = UserService.MAX_PASSWORD) String password,
        @NotEmpty Set<Role> roles,
        @Size(max = MAX_CHOSEN) Set<String> topics,
        @Size(max = MAX_CHOSEN) Set<String> departments,
        @Size(max = MAX_CHOSEN) Set<String> languages,
        @Size(max = 20) String province,
        @Size(max = 500) String channels,
        Boolean enabled) {

    /** Codes one scope may list: more than any reference list holds, so only a forged form reaches it. */
    public static final int MAX_CHOSEN = 200;

    public static UserForm empty() {
        return new UserForm(null, null, null, Set.of(), null, null, null, null, null, true);
    }

    /** An unticked checkbox sends nothing: no value means the account may not sign in. */
    public boolean mayLogIn() {
        return Boolean.TRUE.equals(enabled);
    }

    public Scopes scopes() {
        return new Scopes(topics, departments, languages,
                province == null || province.isBlank() ? null : province.strip(), codes(channels));
    }

    public static UserForm of(UserAccount account) {
        Scopes s = account.scopes();
        return new UserForm(account.username(), account.displayName(), null, account.roles(), s.topics(), s.departments(),
                s.languages(), s.province(),
                String.join(", ", s.channels()), account.enabled());
    }

    /** The account as this form sets it, with the password to set (null keeps the current one). */
    UserService.AccountChange change(String newPassword) {
        return new UserService.AccountChange(displayName, newPassword, roles, scopes(), mayLogIn());
    }

    private static Set<String> codes(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split("[,\\s]+")).map(String::strip).filter(code -> !code.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
