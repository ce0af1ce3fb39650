package vn.bhxh.cms.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.Versions;

/** Users, roles, scopes and API tokens, managed by administrators (the security chain admits only ADMIN here). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    static final int MAX_PAGE_SIZE = 100;

    private final UserService users;
    private final ApiTokenService tokens;

    UserController(UserService users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    List<UserView> list(@RequestParam(required = false) @Size(max = UserService.MAX_SEARCH) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return users.list(q, page, size).stream().map(UserView::of).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal AccountPrincipal admin, @Valid @RequestBody NewUser request) {
        UserAccount account = users.create(admin.actor(), request.username(), new UserService.AccountChange(request.displayName(),
                request.password(), request.roles(), request.scopes(), true));
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).eTag(users.etag(account.username()))
                .body(UserView.of(account));
    }

    @GetMapping("/{username}")
    ResponseEntity<UserView> get(@PathVariable String username) {
        String etag = users.etag(username);
        return ResponseEntity.ok().eTag(etag).body(UserView.of(find(username)));
    }

    @PutMapping("/{username}")
    ResponseEntity<UserView> update(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String username,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @Valid @RequestBody UserChange request) {
        UserService.SavedAccount saved = users.update(admin.actor(), username, Versions.fromIfMatch(ifMatch),
                new UserService.AccountChange(request.displayName(), request.password(), request.roles(), request.scopes(),
                        request.enabled()));
        return ResponseEntity.ok().eTag(saved.etag()).body(UserView.of(saved.account()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{username}/tokens")
    ResponseEntity<NewTokenView> issueToken(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String username,
            @Valid @RequestBody TokenRequest request) {
        UserAccount owner = find(username);
        ApiTokenService.IssuedToken issued = tokens.issue(admin.getUsername(), owner.username(), request.name(),
                Duration.ofDays(request.validDays()));
        return ResponseEntity.status(201).body(new NewTokenView(issued.token().id(), issued.secret(), issued.token().expiresAt()));
    }

    @GetMapping("/{username}/tokens")
    List<TokenView> tokens(@PathVariable String username) {
        return tokens.list(find(username).username()).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{username}/tokens/{id}")
    TokenView revoke(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String username, @PathVariable String id) {
        return tokens.revoke(admin.getUsername(), id).filter(t -> t.username().equals(find(username).username()))
                .map(TokenView::of).orElseThrow(() -> new NotFoundException("token", id));
    }

    private UserAccount find(String username) {
        return users.get(username);
    }

    record NewUser(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,60}$") String username,
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank @Size(min = UserService.MIN_PASSWORD, max = UserService.MAX_PASSWORD) String password,
            @NotEmpty Set<Role> roles,
            Scopes scopes) {
    }

    record UserChange(@Size(max = 120) String displayName, @Size(min = UserService.MIN_PASSWORD, max = UserService.MAX_PASSWORD) String password,
            @NotEmpty Set<Role> roles, Scopes scopes, boolean enabled) {
    }

    record TokenRequest(@NotBlank @Size(max = 120) String name, @Min(1) @Max(366) int validDays) {
    }

    record UserView(String username, String displayName, Set<Role> roles, Scopes scopes, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.displayName(), a.roles(), a.scopes(), a.enabled(), a.createdAt());
        }
    }

    /** The only time the token's secret is ever shown. */
    record NewTokenView(String id, String token, Instant expiresAt) {
    }

    record TokenView(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
        }
    }
}
