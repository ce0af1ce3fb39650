package vn.bhxh.publisher.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.zalo.ZaloChannel;

import static org.assertj.core.api.Assertions.assertThat;

class TargetRateLimiterTest {

    private final TargetRateLimiter limiter = new TargetRateLimiter();
    private final Target page = new Target("fb", FacebookChannel.CHANNEL, "Page", URI.create("http://x"), "1", null,
            Duration.ofSeconds(10), List.of());
    private final Target other = new Target("zalo", ZaloChannel.CHANNEL, "OA", URI.create("http://y"), "2", null,
            Duration.ofSeconds(10), List.of());
    private final Instant t = Instant.parse("2026-05-10T01:00:00Z");

    @Test
    void callsToOneTargetAreSpacedByItsMinimumIntervalWithoutHoldingUpOthers() {
        assertThat(limiter.reserve(page, t)).isNull();
        assertThat(limiter.reserve(page, t.plusSeconds(3))).isEqualTo(t.plusSeconds(10));
        assertThat(limiter.reserve(other, t.plusSeconds(3))).isNull();
        assertThat(limiter.reserve(page, t.plusSeconds(10))).isNull();
    }

    @Test
    void aRetryAfterBlocksTheTargetAndAShorterOneNeverShortensTheBlock() {
        limiter.block("fb", t, Duration.ofMinutes(5));
        limiter.block("fb", t, Duration.ofSeconds(30));

        assertThat(limiter.reserve(page, t.plusSeconds(60))).isEqualTo(t.plus(Duration.ofMinutes(5)));
        assertThat(limiter.reserve(page, t.plus(Duration.ofMinutes(5)))).isNull();
    }
}
