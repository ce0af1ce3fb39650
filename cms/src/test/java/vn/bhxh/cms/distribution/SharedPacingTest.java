package vn.bhxh.cms.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import vn.bhxh.cms.Await;
import vn.bhxh.cms.CmsIntegrationTest;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.delivery.Target;

/**
 * Per-target pacing is shared by instances (each {@link TargetPaceStore} here stands for one instance): a slot taken on
 * one is seen by the other, a Retry-After told to one holds the other back, and of many instances racing for one slot
 * exactly one gets it.
 */
@CmsIntegrationTest
class SharedPacingTest {

    @Autowired
    ElasticsearchOperations operations;

    @Autowired
    IndexInitializer indices;

    @Test
    void aSlotOrAQuietTakenOnOneInstanceHoldsTheOtherBack() {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        TargetPaceStore a = new TargetPaceStore(operations);
        TargetPaceStore b = new TargetPaceStore(operations);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Target paced = target(Duration.ofMinutes(10));
        assertThat(a.reserve(paced, now)).isNull();
        assertThat(b.reserve(paced, now.plusSeconds(1))).isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(b.reserve(paced, now.plus(Duration.ofMinutes(10)))).isNull();

        Target unpaced = target(Duration.ZERO);
        assertThat(a.reserve(unpaced, now)).isNull();
        b.block(unpaced.id(), now, Duration.ofMinutes(5));
        assertThat(a.reserve(unpaced, now.plusSeconds(1))).isEqualTo(now.plus(Duration.ofMinutes(5)));
        // A shorter Retry-After later does not shorten the quiet already asked for.
        a.block(unpaced.id(), now.plusSeconds(2), Duration.ofSeconds(10));
        assertThat(b.reserve(unpaced, now.plusSeconds(20))).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(b.reserve(unpaced, now.plus(Duration.ofMinutes(5)))).isNull();
    }

    @Test
    void ofInstancesRacingForOneSlotExactlyOneGetsIt() {
        Await.until(indices::isReady, Duration.ofSeconds(60), "indices created");
        List<TargetPaceStore> instances = List.of(new TargetPaceStore(operations), new TargetPaceStore(operations));
        Target paced = target(Duration.ofMinutes(1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CyclicBarrier together = new CyclicBarrier(8);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<Instant>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return instances.get(i % 2).reserve(paced, now);
        }, threads)).toList();
        List<Instant> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers.stream().filter(Objects::isNull).count()).isEqualTo(1);
        assertThat(answers.stream().filter(Objects::nonNull)).allSatisfy(at -> assertThat(at).isEqualTo(now.plus(Duration.ofMinutes(1))));
    }

    private static Target target(Duration minInterval) {
        return new Target("nhip-" + UUID.randomUUID(), WebhookChannel.CHANNEL, "Cổng nhịp", null, null, null, minInterval, List.of());
    }
}
