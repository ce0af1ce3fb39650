package vn.bhxh.publisher.connector.facebook;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.Target;
import vn.bhxh.publisher.job.Channel;

/** A Facebook Page ({@link FacebookPageConnector}): the account is the Page id. */
public final class FacebookChannel implements ChannelDescriptor {

    @Override
    public Channel channel() {
        return Channel.FACEBOOK;
    }

    @Override
    public String templateChannel() {
        return "facebook";
    }

    @Override
    public Class<FacebookPost> payloadType() {
        return FacebookPost.class;
    }

    @Override
    public String mediaKind() {
        return null;
    }

    @Override
    public Set<TargetField> requiredFields() {
        return Set.of(TargetField.ENDPOINT, TargetField.ACCOUNT);
    }

    @Override
    public Set<String> requiredCredentials(boolean hasEndpoint) {
        return Set.of("page_access_token");
    }

    /** Reads the Page's id and name with the Page token. */
    @Override
    public ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException {
        return ConnectionCheck.Result.credentialsAnswer("Facebook", probe.http().send(
                probe.get(target.resolve("/" + target.account() + "?fields=id,name"))
                        .header("Authorization", "Bearer " + credentials.require("page_access_token")).build()));
    }
}
