package vn.bhxh.cms.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The Spring Security principal for a password or token login; {@link #actor()} is what the domain uses. */
public record AccountPrincipal(UserAccount account) implements UserDetails {

    public Actor actor() {
        return account.actor();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    /** A signed-in user's web session is stored in Elasticsearch (SessionConfiguration): without the password hash. */
    @Serial
    private Object writeReplace() {
        return account.passwordHash() == null ? this : new AccountPrincipal(account.withoutPasswordHash());
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
