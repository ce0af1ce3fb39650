package vn.bhxh.cms.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.DocumentVersions;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

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
    private final ScopeCheck scopeCodes;
    private final DocumentVersions versions;
    private final Clock clock;

    UserService(UserAccountStore accounts, PasswordEncoder passwords, AuditLog audit, ScopeCheck scopeCodes,
            DocumentVersions versions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.scopeCodes = scopeCodes;
        this.versions = versions;
        this.clock = clock;
    }

    /** An account as saved, with the ETag of that version. */
    public record SavedAccount(UserAccount account, String etag) {
    }

    /** What an administrator sets on an account; a null password keeps the current one. */
    public record AccountChange(String displayName, String password, Set<Role> roles, Scopes scopes, boolean enabled) {
    }

    /** Maximum length of the text an administrator searches accounts by. */
    public static final int MAX_SEARCH = 100;

    public List<UserAccount> list(String text, int page, int size) {
        return accounts.list(text, page, size);
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
        scopeCodes.require(account.scopes());
        UserAccount saved = accounts.save(new UserAccount(normalized, account.displayName(), passwords.encode(account.password()),
                account.roles(), account.scopes(), true, clock.instant()));
        audit.record(admin.username(), AuditAction.USER_CREATED, null, null, null, null, null, normalized + " " + account.roles());
        return saved;
    }

    /** The ETag of the stored account (its seq_no/primary_term). */
    public String etag(String username) {
        return Versions.etag(versions.current(UserAccount.class, UserAccount.normalize(username))
                .orElseThrow(() -> new NotFoundException("user", username)));
    }

    /** A change from a page, made on the version just read. */
    public UserAccount update(Actor admin, String username, AccountChange change) {
        return update(admin, username, null, change).account();
    }

    /**
     * A change made from the version {@code expected} (412 when someone saved since; null: the version just read).
     * Refuses to let administrators disable themselves or drop their own ADMIN role: nobody would be left to undo it.
     */
    public SavedAccount update(Actor admin, String username, SeqNoPrimaryTerm expected, AccountChange change) {
        UserAccount current = get(username);
        SeqNoPrimaryTerm version = versions.current(UserAccount.class, current.username())
                .orElseThrow(() -> new NotFoundException("user", username));
        if (expected != null && !expected.equals(version)) {
            throw new PreconditionFailedException(Versions.etag(version), null);
        }
        if (change.password() != null) {
            requirePassword(change.password());
        }
        if (current.username().equals(admin.username()) && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
            throw new ConflictException("self-lockout");
        }
        scopeCodes.require(change.scopes());
        UserAccount saved = new UserAccount(current.username(),
                change.displayName() == null ? current.displayName() : change.displayName(),
                change.password() == null ? current.passwordHash() : passwords.encode(change.password()), change.roles(),
                change.scopes(), change.enabled(), current.createdAt());
        SeqNoPrimaryTerm newVersion;
        try {
            newVersion = versions.write(saved.username(), saved, version);
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new PreconditionFailedException(etag(username), null);
            }
            throw e;
        }
        audit.record(admin.username(), AuditAction.USER_UPDATED, null, null, null, null, null,
                saved.username() + " " + saved.roles() + " enabled=" + saved.enabled());
        return new SavedAccount(saved, Versions.etag(newVersion));
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new BadRequestException("invalid-password", MIN_PASSWORD, MAX_PASSWORD);
        }
    }
}
