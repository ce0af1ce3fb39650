package vn.bhxh.publisher.channels;

import java.util.List;
import vn.bhxh.publisher.connector.facebook.FacebookChannel;
import vn.bhxh.publisher.connector.webhook.WebhookChannel;
import vn.bhxh.publisher.connector.wordpress.WordPressChannel;
import vn.bhxh.publisher.connector.youtube.YouTubeChannel;
import vn.bhxh.publisher.connector.zalo.ZaloChannel;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.feed.AppFeedChannel;
import vn.bhxh.publisher.job.Channel;

/**
 * The registry of channel plug-ins: the one list of descriptors, each declared beside its connector. Its own package,
 * so that connectors depend on delivery and this registry depends on connectors, never the other way round.
 */
public final class Channels {

    private static final List<ChannelDescriptor> ALL = List.of(WebhookChannel.DESCRIPTOR, WordPressChannel.DESCRIPTOR,
            FacebookChannel.DESCRIPTOR, ZaloChannel.DESCRIPTOR, YouTubeChannel.DESCRIPTOR, AppFeedChannel.DESCRIPTOR);

    private Channels() {
    }

    public static List<ChannelDescriptor> all() {
        return ALL;
    }

    public static ChannelDescriptor of(Channel channel) {
        return ALL.stream().filter(descriptor -> descriptor.channel() == channel).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Kênh chưa được hỗ trợ / unsupported channel " + channel));
    }
}
