package vn.bhxh.cms.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address (the address as the server sees it: behind a proxy,
 * set server.forward-headers-strategy so it is the client's) in memory (one instance: a restart forgets, which
 * only shortens a block). After {@code maxFailures} failures within the window, attempts are refused for
 * {@code blockFor} without checking the password.
 */
@Component
public class LoginThrottle {

    /**
     * Keys kept at most. Beyond that the entries that block nobody are dropped, so a flood of made-up names can
     * neither fill the memory nor wash out a block that is in force.
     */
    static final int MAX_KEYS = 100_000;

    private final SiteSecurityProperties.Login limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    LoginThrottle(SiteSecurityProperties properties, Clock clock) {
        this.limits = properties.login();
        this.clock = clock;
    }

    /** How long the caller must still wait, if either the user name or the address is blocked. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_KEYS) {
            entries.values().removeIf(entry -> !entry.blocks(now));
        }
        record(userKey(username), now, limits.maxFailures());
        record(addressKey(address), now, limits.maxFailuresPerAddress());
    }

    /** A success clears the user's failures; the address keeps its count (one address may try many users). */
    public void succeeded(String username) {
        entries.remove(userKey(username));
    }

    public SiteSecurityProperties.Login limits() {
        return limits;
    }

    private void record(String key, Instant now, int maxFailures) {
        entries.compute(key, (k, entry) -> {
            Entry e = entry == null ? new Entry() : entry;
            synchronized (e) {
                e.failures.addLast(now);
                while (!e.failures.isEmpty() && e.failures.peekFirst().isBefore(now.minus(limits.window()))) {
                    e.failures.removeFirst();
                }
                if (e.failures.size() >= maxFailures) {
                    e.blockedUntil = now.plus(limits.blockFor());
                    e.failures.clear();
                }
            }
            return e;
        });
    }

    private Duration remaining(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        synchronized (entry) {
            if (entry.blockedUntil == null || !entry.blockedUntil.isAfter(now)) {
                return Duration.ZERO;
            }
            return Duration.between(now, entry.blockedUntil);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil;

        synchronized boolean blocks(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }
}
