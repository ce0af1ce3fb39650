package vn.bhxh.publisher.connector.youtube;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A YouTube channel ({@link YouTubeConnector}): only the variant's video goes with the payload. */
public final class YouTubeChannel implements ChannelDescriptor {

    @Override
    public Channel channel() {
        return Channel.YOUTUBE;
    }

    @Override
    public String templateChannel() {
        return "youtube";
    }

    @Override
    public Class<YoutubeVideo> payloadType() {
        return YoutubeVideo.class;
    }

    @Override
    public String mediaKind() {
        return "video";
    }

    @Override
    public Set<TargetField> requiredFields() {
        return Set.of(TargetField.ENDPOINT);
    }

    @Override
    public Set<String> requiredCredentials(boolean hasEndpoint) {
        return Set.of("access_token");
    }

    /** Lists the token owner's own channel: needs no upload and costs one quota unit. */
    @Override
    public ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        return ConnectionCheck.Result.credentialsAnswer("YouTube", probe.http().send(
                probe.get(target.resolve("/youtube/v3/channels?part=id&mine=true"))
                        .header("Authorization", "Bearer " + credentials.require("access_token")).build()));
    }
}
