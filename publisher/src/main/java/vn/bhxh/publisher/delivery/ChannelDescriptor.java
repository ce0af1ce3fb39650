package vn.bhxh.publisher.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.Channel;

/**
 * Everything the rest of the system must know about one channel, declared beside its connector: what a target on it
 * needs, how "test connection" proves it works, which template it is rendered from and which typed payload its
 * connector reads. The cms validates targets, tests them and renders payloads from these alone, with no per-channel code.
 *
 * @param vietnameseName  what people call it on the pages, in Vietnamese ("Trang Facebook")
 * @param englishName     the same in English
 * @param templateChannel the templates' channel it is rendered from, by its id ("portal", "zalo", "vssid-feed")
 * @param payloadType     the record its connector reads from the job's content ({@code ChannelPayload.content(type)})
 * @param mediaKind       which of the variant's files go with the payload: "image", "video", or null for every file
 * @param requiredFields  the target fields it cannot work without, besides a name
 * @param credentials     the credentials its calls to the endpoint cannot work without
 * @param check           one harmless, read-only call that proves the endpoint answers and the credentials are accepted
 * @param connector       makes the channel's connector from what every connector shares, so an application builds
 *                        every channel's connector from this registry alone
 */
public record ChannelDescriptor(Channel channel, String vietnameseName, String englishName, String templateChannel, Class<? extends Record> payloadType,
                                String mediaKind, Set<TargetField> requiredFields, Set<String> credentials,
                                ConnectionTest check, ConnectorFactory connector) {

    public ChannelDescriptor {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(vietnameseName, "vietnameseName");
        Objects.requireNonNull(englishName, "englishName");
        requiredFields = Set.copyOf(requiredFields);
        credentials = Set.copyOf(credentials);
    }

    /** Its name for a reader of the given language ("en" gets English, everyone else Vietnamese). */
    public String displayName(String language) {
        return "en".equals(language) ? englishName : vietnameseName;
    }

    /**
     * The credentials a target must have: those of its calls, unless it calls nothing (a channel whose endpoint is
     * optional, like the app feed, needs them only once it has one).
     */
    public Set<String> requiredCredentials(boolean hasEndpoint) {
        return hasEndpoint || requiredFields.contains(TargetField.ENDPOINT) ? credentials : Set.of();
    }

    /** A target's own fields a channel may require. */
    public enum TargetField {
        ENDPOINT, ACCOUNT
    }

    /** What every connector is made from: the HTTP client, how files are fetched, the clock and the call timeout. */
    public record ConnectorContext(HttpClient http, MediaFetcher media, Clock clock, Duration timeout) {
    }

    /** Makes the channel's connector. */
    @FunctionalInterface
    public interface ConnectorFactory {
        Connector create(ConnectorContext context);
    }

    /** The channel's "test connection" call. */
    @FunctionalInterface
    public interface ConnectionTest {
        ConnectionCheck.Result run(Target target, Credentials credentials, ConnectionCheck.Probe probe)
                throws IOException, InterruptedException;
    }
}
