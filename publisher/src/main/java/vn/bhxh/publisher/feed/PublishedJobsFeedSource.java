package vn.bhxh.publisher.feed;

import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.ChannelPayload;
import vn.bhxh.publisher.job.DeliveryAttempt;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.MediaRef;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app feed's items are the delivered {@link Channel#APP_FEED} jobs: every instance reads the same index,
 * so all instances serve the same feed, and a withdrawn job (no longer DELIVERED) drops out by itself.
 * The payload's {@code audience} may list several groups separated by commas.
 */
public final class PublishedJobsFeedSource implements FeedItemSource {

    private final JobStore store;
    private final int max;

    public PublishedJobsFeedSource(JobStore store, int max) {
        this.store = store;
        this.max = max;
    }

    @Override
    public List<FeedItem> publishedItems() {
        return store.delivered(AppFeedChannel.CHANNEL, max).stream().map(StoredJob::job).map(PublishedJobsFeedSource::item).toList();
    }

    static FeedItem item(PublishJob job) {
        ChannelPayload p = job.payload();
        Set<String> audiences = p.audience() == null || p.audience().isBlank() ? Set.of()
                : Arrays.stream(p.audience().split(",")).map(String::trim).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
        String image = p.media().stream().filter(m -> m.contentType() != null && m.contentType().startsWith("image/"))
                .map(MediaRef::url).findFirst().orElse(null);
        var published = job.deliveryLog().stream().filter(a -> "DELIVERED".equals(a.outcome()))
                .map(DeliveryAttempt::finishedAt).findFirst().orElse(job.updatedAt());
        FeedCard card = p.content(FeedCard.class);
        String link = card.url() == null ? p.link() : card.url();
        return new FeedItem(job.productId() + "-" + job.language(), p.language(), audiences, card.title(), card.summary(),
                card.summary(), link, image, published, job.updatedAt());
    }
}
