package vn.bhxh.publisher.feed;

import java.util.Set;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/**
 * The VssID app feed ({@link AppFeedConnector}): served by the cms itself, so it needs no endpoint; with one it also
 * pushes to the app backend and then signs like a portal webhook.
 */
public final class AppFeedChannel implements ChannelDescriptor {

    @Override
    public Channel channel() {
        return Channel.APP_FEED;
    }

    @Override
    public String templateChannel() {
        return "vssid-feed";
    }

    @Override
    public Class<FeedCard> payloadType() {
        return FeedCard.class;
    }

    @Override
    public String mediaKind() {
        return "image";
    }

    @Override
    public Set<TargetField> requiredFields() {
        return Set.of();
    }

    @Override
    public Set<String> requiredCredentials(boolean hasEndpoint) {
        return hasEndpoint ? WebhookChannel.CREDENTIALS : Set.of();
    }

    @Override
    public ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe) {
        return new ConnectionCheck.Result(true, null, "Bảng tin do CMS phục vụ, không cần kết nối / the feed is served by the CMS itself");
    }
}
