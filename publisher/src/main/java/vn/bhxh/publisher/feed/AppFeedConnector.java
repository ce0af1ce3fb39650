package vn.bhxh.publisher.feed;

import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.Connector;
import vn.bhxh.publisher.delivery.DeliveryRequest;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Delivering to the VssID app feed means: the job becomes DELIVERED, and {@link PublishedJobsFeedSource} shows
 * it in the feed. When the target has an endpoint, the app backend is also told at once by a signed push webhook
 * (same signature and idempotency rules as the portal webhook), so it need not wait for its next poll.
 */
public final class AppFeedConnector implements Connector {

    private final WebhookConnector push;

    public AppFeedConnector(WebhookConnector push) {
        this.push = push;
    }

    @Override
    public Channel channel() {
        return AppFeedChannel.CHANNEL;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        if (request.target().endpoint() == null) {
            return new DeliveryResult.Delivered("feed", null, request.job().productId() + "-" + request.job().language(),
                    null, null);
        }
        FeedCard card = request.job().payload().content(FeedCard.class);
        return push.push(request, card.title(), card.summary());
    }

    @Override
    public DeliveryResult remove(PublishJob job, Target target, Credentials credentials) {
        // Leaving the DELIVERED state removes the item from the feed; the push endpoint hears a signed DELETE.
        return target.endpoint() == null
                ? new DeliveryResult.Delivered("feed", null, job.remoteId(), null, null)
                : push.remove(job, target, credentials);
    }
}
