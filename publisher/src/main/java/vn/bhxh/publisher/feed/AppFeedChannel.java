package vn.bhxh.publisher.feed;

import java.util.Set;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.connector.webhook.WebhookConnector;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/**
 * The VssID app feed ({@link AppFeedConnector}): served by the cms itself, so it needs no endpoint; with one it also
 * pushes to the app backend and then signs like a portal webhook.
 */
public final class AppFeedChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("APP_FEED");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Bảng tin ứng dụng VssID", "VssID app feed", "vssid-feed", FeedCard.class, "image",
            Set.of(), WebhookChannel.CREDENTIALS, AppFeedChannel::check,
            context -> new AppFeedConnector(new WebhookConnector(context.http(), context.clock(), context.timeout())));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public AppFeedChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe) {
        return new ConnectionCheck.Result(true, null, "Bảng tin do chính CMS phục vụ tại /api/v1/feeds: không có kết nối nào cần kiểm tra.");
    }
}
