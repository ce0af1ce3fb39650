package vn.bhxh.cms.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.RefreshPolicy;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;

/** Issues, checks and revokes API tokens. A token reads {@code bhxh_<id>_<secret>}. */
@Service
public class ApiTokenService {

    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    static final int MAX_TOKENS_PER_USER = 50;
    /** Token use is audited once per token per interval: connectors poll often, and the trail must stay readable. */
    static final Duration USE_AUDIT_INTERVAL = Duration.ofMinutes(10);

    private final ElasticsearchOperations operations;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Instant> lastAudited = new ConcurrentHashMap<>();

    public ApiTokenService(ElasticsearchOperations operations, AuditLog audit, Clock clock) {
        this.operations = operations.withRefreshPolicy(RefreshPolicy.WAIT_UNTIL);
        this.audit = audit;
        this.clock = clock;
    }

    public record IssuedToken(ApiToken token, String secret) {
    }

    public IssuedToken issue(String actor, String username, String name, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("lifetime must be between 1 second and " + MAX_LIFETIME.toDays() + " days");
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String id = UUID.randomUUID().toString().replace("-", "");
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(id, username, name, sha256(secret), now, now.plus(lifetime), null, null);
        operations.save(token);
        audit.record(actor, AuditAction.TOKEN_ISSUED, null, null, null, null, name, "token " + id + " for " + username);
        return new IssuedToken(token, "bhxh_" + id + "_" + secret);
    }

    /** The token's owner if the presented token is valid now; records its use. */
    public Optional<String> authenticate(String presented) {
        String[] parts = presented.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("bhxh")) {
            return Optional.empty();
        }
        ApiToken token = operations.get(parts[1], ApiToken.class);
        Instant now = clock.instant();
        if (token == null || !token.usableAt(now)
                || !MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(parts[2]).getBytes(StandardCharsets.US_ASCII))) {
            audit.record(token == null ? "?" : token.username(), AuditAction.TOKEN_REJECTED, null, null, null, null, null,
                    "token " + parts[1]);
            return Optional.empty();
        }
        Instant audited = lastAudited.get(token.id());
        if (audited == null || audited.plus(USE_AUDIT_INTERVAL).isBefore(now)) {
            lastAudited.put(token.id(), now);
            operations.save(new ApiToken(token.id(), token.username(), token.name(), token.secretHash(), token.createdAt(),
                    token.expiresAt(), null, now));
            audit.record(token.username(), AuditAction.TOKEN_USED, null, null, null, null, null, "token " + token.id());
        }
        return Optional.of(token.username());
    }

    public List<ApiToken> list(String username) {
        NativeQuery query = NativeQuery.builder().withQuery(q -> q.term(t -> t.field("username").value(username)))
                .withPageable(PageRequest.of(0, MAX_TOKENS_PER_USER)).build();
        return operations.search(query, ApiToken.class).stream().map(SearchHit::getContent).toList();
    }

    public Optional<ApiToken> revoke(String actor, String id) {
        ApiToken token = operations.get(id, ApiToken.class);
        if (token == null) {
            return Optional.empty();
        }
        ApiToken revoked = new ApiToken(token.id(), token.username(), token.name(), token.secretHash(), token.createdAt(),
                token.expiresAt(), clock.instant(), token.lastUsedAt());
        operations.save(revoked);
        audit.record(actor, AuditAction.TOKEN_REVOKED, null, null, null, null, null, "token " + id + " of " + token.username());
        return Optional.of(revoked);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
