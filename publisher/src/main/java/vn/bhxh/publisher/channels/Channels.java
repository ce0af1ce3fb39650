package vn.bhxh.publisher.channels;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.job.Channel;

/**
 * The registry of channel plug-ins, found by {@link ServiceLoader}: it names no channel, so adding one means adding its
 * package (connector, payload, descriptor) and listing its plug-in class in
 * {@code META-INF/services/vn.bhxh.publisher.delivery.ChannelPlugin}.
 */
public final class Channels {

    private static final List<ChannelDescriptor> ALL = load(Channels.class.getClassLoader());

    private Channels() {
    }

    public static List<ChannelDescriptor> all() {
        return ALL;
    }

    public static Optional<ChannelDescriptor> find(Channel channel) {
        return ALL.stream().filter(descriptor -> descriptor.channel().equals(channel)).findFirst();
    }

    public static ChannelDescriptor of(Channel channel) {
        return find(channel).orElseThrow(() -> new IllegalArgumentException("Kênh chưa được hỗ trợ / unsupported channel " + channel));
    }

    /** Every plug-in the class loader offers, in the order their jars list them. */
    static List<ChannelDescriptor> load(ClassLoader classLoader) {
        List<ChannelDescriptor> found = ServiceLoader.load(ChannelPlugin.class, classLoader).stream()
                .map(provider -> provider.get().descriptor()).toList();
        Set<Channel> seen = new HashSet<>();
        for (ChannelDescriptor descriptor : found) {
            if (!Channel.ID.matcher(descriptor.channel().id()).matches()) {
                throw new IllegalStateException("A channel id is 2–32 capital letters, digits or '_': " + descriptor.channel());
            }
            // Two plug-ins claiming one id would make jobs and targets ambiguous: refuse to start rather than pick one.
            if (!seen.add(descriptor.channel())) {
                throw new IllegalStateException("Two channel plug-ins declare the channel " + descriptor.channel());
            }
        }
        return found;
    }
}
