package vn.bhxh.publisher.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.stream.IntStream;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

    @Test
    void delaysGrowExponentiallyWithJitterWithinHalfToFullAndStopAtTheCap() {
        for (int run = 0; run < 200; run++) {
            assertThat(policy.delayAfter(1, null)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(policy.delayAfter(3, null)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
            assertThat(policy.delayAfter(20, null)).isBetween(Duration.ofMillis(150_000), Duration.ofMinutes(5));
        }
    }

    @Test
    void jitterSpreadsRetriesOfJobsThatFailedTogether() {
        long distinct = IntStream.range(0, 50).mapToObj(i -> policy.delayAfter(4, null)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void retryAfterIsAFloorAndAttemptsRunOut() {
        assertThat(policy.delayAfter(1, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.exhausted(5)).isFalse();
        assertThat(policy.exhausted(6)).isTrue();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-05-10T01:00:00Z");
        assertThat(HttpAnswers.parseRetryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpAnswers.parseRetryAfter("Sun, 10 May 2026 01:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpAnswers.parseRetryAfter("soon", now)).isNull();
    }
}
