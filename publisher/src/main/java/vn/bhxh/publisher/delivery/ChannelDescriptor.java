package vn.bhxh.publisher.delivery;

import java.io.IOException;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.Channel;

/**
 * Everything the rest of the system must know about one channel, declared beside its connector: what a target on it
 * needs, how "test connection" proves it works, which template it is rendered from and which typed payload its
 * connector reads. The cms validates targets, tests them and renders payloads from these alone, with no per-channel code.
 */
public interface ChannelDescriptor {

    Channel channel();

    /** The templates' channel it is rendered from, by its id ("portal", "zalo", "vssid-feed"). */
    String templateChannel();

    /** The record its connector reads from the job's content (({@code ChannelPayload.content(type)})). */
    Class<? extends Record> payloadType();

    /** Which of the variant's files go with the payload: "image", "video", or null for every file. */
    String mediaKind();

    /** The target fields it cannot work without, besides a name. */
    Set<TargetField> requiredFields();

    /** The credentials it cannot work without; {@code hasEndpoint} matters to channels whose endpoint is optional. */
    Set<String> requiredCredentials(boolean hasEndpoint);

    /** One harmless, read-only call that proves the endpoint answers and the credentials are accepted. */
    ConnectionCheck.Result check(Target target, Credentials credentials, ConnectionCheck.Probe probe)
            throws IOException, InterruptedException;

    /** A target's own fields a channel may require. */
    enum TargetField {
        ENDPOINT, ACCOUNT
    }
}
