package vn.bhxh.cms.distribution;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.job.Channel;

/**
 * A channel by the name people know it by (Trang Facebook, not FACEBOOK), for the pages: {@code @channelNames.of(...)}.
 * The names come from the channel's plug-in, so a new channel is named without a change here.
 */
@Component("channelNames")
public class ChannelNames {

    public String of(Channel channel, Locale locale) {
        return channel == null ? "" : Channels.find(channel).map(descriptor -> descriptor.displayName(locale.getLanguage()))
                .orElse(channel.id());
    }

    public String of(ChannelDescriptor descriptor, Locale locale) {
        return descriptor.displayName(locale.getLanguage());
    }
}
