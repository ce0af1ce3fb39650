package vn.bhxh.publisher.delivery;

/**
 * A channel, found by {@link java.util.ServiceLoader}: each plug-in class sits beside its connector, has a public
 * no-argument constructor and is listed in {@code META-INF/services/vn.bhxh.publisher.delivery.ChannelPlugin}, the
 * standard way for a jar to offer an implementation, so a channel shipped in its own jar is found the same way.
 */
public interface ChannelPlugin {

    ChannelDescriptor descriptor();
}
