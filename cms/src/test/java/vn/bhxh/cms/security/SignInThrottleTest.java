package vn.bhxh.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.bhxh.cms.ApiClient;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.Json;
import vn.bhxh.cms.TestUsers;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.IndexInitializer;

/**
 * Sign-in throttling kept in Elasticsearch: two throttles over the same store stand for two instances of the
 * application; the HTTP tests show that HTTP Basic and API tokens are counted too.
 */
@CmsIntegrationTest
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottleStore store;

    @Autowired
    IndexInitializer indices;

    @Autowired
    AuditLog audit;

    // Starts at the real time: the applications running on the shared node forget idle entries by the real clock, and
    // would remove this test's entries if they were dated in the past.
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SiteSecurityProperties limits = new SiteSecurityProperties("default-src 'self'",
            new SiteSecurityProperties.Login(3, 10, Duration.ofMinutes(5), Duration.ofMinutes(15)));
    private SignInThrottle first;
    private SignInThrottle second;
    private String suffix;

    @BeforeEach
    void twoInstances() {
        Await.until(indices::isReady, Duration.ofSeconds(30), "indices created");
        first = new SignInThrottle(limits, store, clock);
        second = new SignInThrottle(limits, store, clock);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theThirdFailureWithinTheWindowBlocksTheUserOnEveryInstanceForTheBlockTimeOnly() {
        String user = "bientap-" + suffix;
        first.failed(user, "10.0.0.1");
        second.failed(user.toUpperCase(), "10.0.0.2");
        assertThat(first.blocked(user, "10.0.0.3")).isEmpty();
        second.failed(user + " ", "10.0.0.4");

        assertThat(first.blocked(user, "10.0.0.5")).contains(Duration.ofMinutes(15));
        assertThat(second.blocked(user, "10.0.0.5")).contains(Duration.ofMinutes(15));
        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertThat(first.blocked(user, "10.0.0.5")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        String user = "thamdinh-" + suffix;
        first.failed(user, "10.0.1.1");
        second.failed(user, "10.0.1.1");
        now.set(now.get().plus(Duration.ofMinutes(6)));
        first.failed(user, "10.0.1.1");

        assertThat(second.blocked(user, "10.0.1.9")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsBlockedAndForgettingIdleNamesLiftsNoBlockInForce() {
        String address = "10.9." + (suffix.hashCode() & 0xff) + "." + (suffix.hashCode() >>> 24);
        first.failed("ten-gia-" + suffix, "10.8.0.1");
        now.set(now.get().plus(Duration.ofMinutes(16)));
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? first : second).failed("ten-khac-" + suffix + "-" + i, address);
        }
        assertThat(first.blocked("someone-else-" + suffix, address)).contains(Duration.ofMinutes(15));

        first.forgetIdle();

        // The name idle for longer than window and block is forgotten; the address block is still in force.
        assertThat(store.find("user:ten-gia-" + suffix)).isEmpty();
        assertThat(store.find("user:ten-khac-" + suffix + "-0")).isPresent();
        assertThat(second.blocked(null, address)).contains(Duration.ofMinutes(15));
    }

    @Test
    void httpBasicFailuresBlockTheUserOnTheApiWithA429InVietnamese() {
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        String user = "basic-" + suffix;
        TestUsers.ensure(port, admin, user, "[\"EDITOR\"]", "{}");
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port, user, "sai-mat-khau-" + i).get("/api/v1/notices").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = new ApiClient(port, user, TestUsers.PASSWORD).get("/api/v1/notices");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(Json.parse(blocked.body()).get("detail").asString()).contains("phút");
        assertThat(audit.search(new AuditLog.AuditFilter(user, "REFUSED:sign-in-blocked", null, null, null, null), 0, 10))
                .hasSize(1);
    }

    @Test
    void aBadApiTokenCountsAgainstTheClientAddress() {
        ApiClient admin = new ApiClient(port, CmsIntegrationTest.ADMIN, CmsIntegrationTest.ADMIN_PASSWORD);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> refused = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notices"))
                .header("Authorization", "Bearer bhxh_khong-phai-ma-that-" + suffix).GET());

        assertThat(refused.statusCode()).isEqualTo(401);
        // Older failures of the shared test address may have left the window meanwhile: look for this one.
        assertThat(failuresOfLocalAddressesSince(before)).isEqualTo(1);
    }

    private long failuresOfLocalAddressesSince(Instant since) {
        long count = 0;
        for (String address : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            count += store.find("ip:" + address).map(entry -> entry.failures().stream().filter(f -> f.isAfter(since)).count())
                    .orElse(0L);
        }
        return count;
    }
}
