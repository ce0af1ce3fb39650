package vn.bhxh.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-10T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(new SiteSecurityProperties("default-src 'self'",
            new SiteSecurityProperties.Login(3, 10, Duration.ofMinutes(5), Duration.ofMinutes(15))), clock);

    @Test
    void theThirdFailureWithinTheWindowBlocksTheUserForTheBlockTimeOnly() {
        throttle.failed("bientap", "10.0.0.1");
        throttle.failed("BienTap", "10.0.0.2");
        assertThat(throttle.blocked("bientap", "10.0.0.3")).isEmpty();
        throttle.failed("bientap ", "10.0.0.4");

        assertThat(throttle.blocked("bientap", "10.0.0.5")).contains(Duration.ofMinutes(15));
        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertThat(throttle.blocked("bientap", "10.0.0.5")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        throttle.failed("thamdinh", "10.0.0.1");
        throttle.failed("thamdinh", "10.0.0.1");
        now.set(now.get().plus(Duration.ofMinutes(6)));
        throttle.failed("thamdinh", "10.0.0.1");

        assertThat(throttle.blocked("thamdinh", "10.0.0.9")).isEmpty();
    }

    @Test
    void aFloodOfMadeUpNamesNeitherFillsTheMemoryNorLiftsABlockInForce() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("lanhdao", "10.0.0." + i);
        }
        for (int i = 0; i <= LoginThrottle.MAX_KEYS; i++) {
            throttle.failed("ten-gia-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.blocked("lanhdao", "192.168.1.1")).isPresent();
    }
}
