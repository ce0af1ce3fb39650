package vn.bhxh.publisher.connector.youtube;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ChannelPlugin;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A YouTube channel ({@link YouTubeConnector}): only the variant's video goes with the payload. */
public final class YouTubeChannel implements ChannelPlugin {

    public static final Channel CHANNEL = new Channel("YOUTUBE");

    public static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(
            CHANNEL, "Kênh YouTube", "YouTube channel", "youtube", YoutubeVideo.class, "video",
            Set.of(TargetField.ENDPOINT), Set.of("access_token"), YouTubeChannel::check,
            // Uploads take longer than any other call.
            context -> new YouTubeConnector(context.http(), context.media(), context.clock(), context.timeout().multipliedBy(4)));

    /** Found by {@link java.util.ServiceLoader}, which needs a public constructor. */
    public YouTubeChannel() {
    }

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Lists the token owner's own channel: needs no upload and costs one quota unit. */
    static ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        HttpAnswer answer = probe.http().send(probe.get(target.resolve("/youtube/v3/channels?part=id,snippet&mine=true"))
                .header("Authorization", "Bearer " + credentials.require("access_token", "mã truy cập kênh YouTube")).build());
        String tried = "Đã thử đọc kênh YouTube của tài khoản đã kết nối bằng mã truy cập";
        JsonNode channel = answer.jsonOrEmpty().path("items").path(0);
        if (answer.success() && channel.isMissingNode()) {
            return ConnectionCheck.Result.failed(tried, answer.status(), "Tài khoản Google này chưa có kênh YouTube; hãy kết nối"
                    + " bằng tài khoản của kênh BHXH.");
        }
        if (answer.success()) {
            return new ConnectionCheck.Result(true, answer.status(), tried + ": được, kênh "
                    + channel.path("snippet").path("title").asString(channel.path("id").asString()) + ".");
        }
        return ConnectionCheck.Result.answered(tried, answer, a -> YouTubeErrors.classify("GET /youtube/v3/channels", a));
    }
}
