package vn.bhxh.cms.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;

/**
 * User administration for the API and the pages alike: accounts are created and changed only here, so the password rule
 * and the self-lockout guard hold whichever front end an administrator uses.
 */
@Service
public class UserService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;

    private final UserAccountStore accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserAccountStore accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an administrator sets on an account; a null password keeps the current one. */
    public record AccountChange(String displayName, String password, Set<Role> roles, Scopes scopes, boolean enabled) {
    }

    public List<UserAccount> list(int page, int size) {
        return accounts.list(page, size);
    }

    public UserAccount get(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("user", username));
    }

    public UserAccount create(Actor admin, String username, AccountChange account) {
        String normalized = UserAccount.normalize(username);
        requirePassword(account.password());
        if (accounts.find(normalized).isPresent()) {
            throw new ConflictException("user-exists", normalized);
        }
        UserAccount saved = accounts.save(new UserAccount(normalized, account.displayName(), passwords.encode(account.password()),
                account.roles(), account.scopes(), true, clock.instant()));
        audit.record(admin.username(), AuditAction.USER_CREATED, null, null, null, null, null, normalized + " " + account.roles());
        return saved;
    }

    /** Refuses to let administrators disable themselves or drop their own ADMIN role: nobody would be left to undo it. */
    public UserAccount update(Actor admin, String username, AccountChange change) {
        UserAccount current = get(username);
        if (change.password() != null) {
            requirePassword(change.password());
        }
        if (current.username().equals(admin.username()) && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
            throw new ConflictException("self-lockout");
        }
        UserAccount saved = accounts.save(new UserAccount(current.username(),
                change.displayName() == null ? current.displayName() : change.displayName(),
                change.password() == null ? current.passwordHash() : passwords.encode(change.password()), change.roles(),
                change.scopes(), change.enabled(), current.createdAt()));
        audit.record(admin.username(), AuditAction.USER_UPDATED, null, null, null, null, null,
                saved.username() + " " + saved.roles() + " enabled=" + saved.enabled());
        return saved;
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new BadRequestException("invalid-password", MIN_PASSWORD, MAX_PASSWORD);
        }
    }
}
