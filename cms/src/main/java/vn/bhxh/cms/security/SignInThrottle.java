package vn.bhxh.cms.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (web form, HTTP Basic, API tokens) per user name and per client address (the address as the
 * server sees it: behind a proxy, set server.forward-headers-strategy so it is the client's). After
 * {@code maxFailures} failures of one user name, or {@code maxFailuresPerAddress} from one address, within the window,
 * attempts are refused for {@code blockFor} without checking the password. The counts live in Elasticsearch
 * ({@link SignInThrottleStore}), so every instance sees the same blocks and a restart forgets nothing.
 */
@Component
public class SignInThrottle {

    /** Keys longer than this (in characters) are stored by their hash. */
    static final int MAX_KEY = 120;

    private final SiteSecurityProperties.Login limits;
    private final SignInThrottleStore store;
    private final Clock clock;

    SignInThrottle(SiteSecurityProperties properties, SignInThrottleStore store, Clock clock) {
        this.limits = properties.login();
        this.store = store;
        this.clock = clock;
    }

    /** How long the caller must still wait, if either the user name or the address is blocked; null ones are not asked. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Duration remaining = store.find(key).map(entry -> remaining(entry, now)).orElse(Duration.ZERO);
            wait = remaining.compareTo(wait) > 0 ? remaining : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A failed attempt; a null user name (a bad API token) counts for the address only. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            record(userKey(username), now, limits.maxFailures());
        }
        if (address != null) {
            record(addressKey(address), now, limits.maxFailuresPerAddress());
        }
    }

    /** A success clears the user's failures; the address keeps its count (one address may try many users). */
    public void succeeded(String username) {
        String key = userKey(username);
        if (store.find(key).isPresent()) {
            store.delete(key);
        }
    }

    public SiteSecurityProperties.Login limits() {
        return limits;
    }

    /** Entries idle for longer than both the window and the block count for nothing any more. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetIdle() {
        Duration longest = limits.window().compareTo(limits.blockFor()) > 0 ? limits.window() : limits.blockFor();
        store.deleteIdleSince(clock.instant().minus(longest));
    }

    private void record(String key, Instant now, int maxFailures) {
        store.update(key, entry -> {
            List<Instant> failures = new ArrayList<>();
            for (Instant failure : entry.failures()) {
                if (!failure.isBefore(now.minus(limits.window()))) {
                    failures.add(failure);
                }
            }
            failures.add(now);
            Instant blockedUntil = entry.blockedUntil();
            if (failures.size() >= maxFailures) {
                blockedUntil = now.plus(limits.blockFor());
                failures.clear();
            }
            return new SignInFailures(key, failures, blockedUntil, now, entry.seqNoPrimaryTerm());
        });
    }

    private static Duration remaining(SignInFailures entry, Instant now) {
        if (entry.blockedUntil() == null || !entry.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.blockedUntil());
    }

    private static List<String> keys(String username, String address) {
        List<String> keys = new ArrayList<>();
        if (username != null) {
            keys.add(userKey(username));
        }
        if (address != null) {
            keys.add(addressKey(address));
        }
        return keys;
    }

    private static String userKey(String username) {
        return bounded("user:" + username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return bounded("ip:" + address);
    }

    /** Document ids are at most 512 bytes; a made-up name of any length still gets an id of its own. */
    private static String bounded(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, key.indexOf(':') + 1) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
