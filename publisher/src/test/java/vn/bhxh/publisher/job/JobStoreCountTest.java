package vn.bhxh.publisher.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.testsupport.Fixtures;

/** What the provincial reports ask the job store: posts delivered per channel and product, and the campaigns held. */
class JobStoreCountTest {

    private final JobStore store = Fixtures.freshStore("count");
    private final Target portal = Fixtures.webhookTarget("cong-tinh", URI.create("http://127.0.0.1:1/hook"), "s");
    private final Target otherPortal = Fixtures.webhookTarget("cong-tinh-khac", URI.create("http://127.0.0.1:1/hook"), "s");

    @Test
    void deliveredPostsAreCountedPerChannelAndProductWithinThePeriodOnly() {
        Instant may = Instant.parse("2026-05-10T01:00:00Z");
        Instant june = Instant.parse("2026-06-01T01:00:00Z");
        store.createAll(List.of(delivered("to-roi", portal, may), delivered("video", portal, may), delivered("video-2", portal, may),
                delivered("khac", otherPortal, may), delivered("thang-6", portal, june), Fixtures.job("cho", portal, may)));
        store.refresh();

        List<JobStore.DeliveredPosts> posts = store.deliveredTo(List.of("cong-tinh"), Instant.parse("2026-05-01T00:00:00Z"), june, 2);

        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().channel()).isEqualTo(WebhookChannel.CHANNEL);
        // The total is exact; the breakdown names at most the two asked for.
        assertThat(posts.getFirst().posts()).isEqualTo(3);
        assertThat(posts.getFirst().perProduct()).hasSize(2);
        assertThat(store.deliveredTo(List.of(), may, june, 2)).isEmpty();
    }

    @Test
    void campaignsHeldAreThoseWithAPostDelivered() {
        Instant may = Instant.parse("2026-05-10T01:00:00Z");
        ChannelPayload payload = new ChannelPayload(WebhookChannel.CHANNEL, portal.id(), "vi", null, "Chờ đăng", null, null, List.of(), null);
        PublishJob pending = PublishJob.pending("cho-thang-7").release("dot-thang-7", "thang-7").variant("cho", "vi", "r1")
                .payload(payload).due(may, null).createdAt(may);
        store.createAll(List.of(delivered("to-roi", portal, may), pending));
        store.refresh();

        assertThat(store.deliveredCampaigns(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 10))
                .containsExactly("thang-5");
        assertThat(store.deliveredCampaigns(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 10))
                .isEmpty();
    }

    private static PublishJob delivered(String product, Target target, Instant due) {
        return Fixtures.job(product, target, due).withState(JobState.DELIVERED, due, null, due);
    }
}
