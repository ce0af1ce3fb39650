package vn.bhxh.publisher.connector.facebook;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A Facebook Page ({@link FacebookPageConnector}): the account is the Page id. */
public final class FacebookChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("FACEBOOK");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Trang Facebook", "Facebook Page", "facebook", FacebookPost.class, null,
            Set.of(TargetField.ENDPOINT, TargetField.ACCOUNT), Set.of("page_access_token"), FacebookChannel::check,
            context -> new FacebookPageConnector(context.http(), context.clock(), context.timeout()));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public FacebookChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Reads the Page's id and name with the Page token. */
    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        HttpAnswer answer = probe.http().send(probe.get(target.resolve("/" + target.account() + "?fields=id,name"))
                .header("Authorization", "Bearer " + credentials.require("page_access_token", "mã truy cập Trang")).build());
        return ConnectionCheck.Result.answered("Đã thử đọc Trang Facebook " + target.account() + " bằng mã truy cập Trang",
                answer, a -> FacebookErrors.classify("GET /" + target.account(), a));
    }
}
