package vn.bhxh.cms.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.CmsIntegrationTest;

/** The start-up lock between instances, on an index of its own (the applications on the shared node use theirs). */
@CmsIntegrationTest
class StartupLockTest {

    @Autowired
    Rest5Client client;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    IndexProperties properties;

    final String index = "startup-lock-test-" + UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void removeIndex() throws IOException {
        client.performRequest(new Request("DELETE", "/" + index));
    }

    @Test
    void anInstanceTakesBackTheLockItLeftBehindAtOnceWhileOthersWaitForIt() {
        StartupLock first = lock();
        StartupLock second = lock();
        // The first instance took the lock and Elasticsearch went away before its release arrived: the lock stays.
        assertThat(first.acquire()).isTrue();

        assertThat(second.runExclusively(ran::incrementAndGet)).as("another instance waits").isFalse();
        assertThat(ran).hasValue(0);
        // The first does not wait out its own ten-minute lease: it takes the lock back, works, and releases it.
        assertThat(first.runExclusively(ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(1);
        assertThat(second.runExclusively(ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(2);
    }

    @Test
    void oneInstanceDoesNotWorkUnderTheLockTwiceAtOnce() {
        StartupLock instance = lock();
        boolean ranOuter = instance.runExclusively(() -> {
            assertThat(instance.runExclusively(ran::incrementAndGet)).as("the same instance again meanwhile (its scheduler and a caller)").isFalse();
            ran.incrementAndGet();
        });
        assertThat(ranOuter).isTrue();
        assertThat(ran).hasValue(1);
        assertThat(instance.runExclusively(ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(2);
    }

    private StartupLock lock() {
        return new StartupLock(index, client, json, clock, properties);
    }
}
