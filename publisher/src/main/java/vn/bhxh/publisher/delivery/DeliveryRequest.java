package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.PublishJob;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One delivery attempt as a connector sees it. {@code remember} keeps a connector's progress in the job
 * (a YouTube upload session URI, a Zalo article token) so that the next owner after a crash resumes it;
 * {@code credentialsRenewed} stores credentials the connector refreshed. {@code previous} is the delivered job of an
 * earlier revision of the same variant on the same target, for connectors that update their post in place
 * ({@link Connector#updatesInPlace()}); null when there is none.
 */
public record DeliveryRequest(PublishJob job, Target target, Credentials credentials,
                              ConnectorMemory memory, Consumer<Map<String, String>> credentialsRenewed, PublishJob previous) {

    /** A delivery with no earlier revision on the target. */
    public DeliveryRequest(PublishJob job, Target target, Credentials credentials, ConnectorMemory memory,
                           Consumer<Map<String, String>> credentialsRenewed) {
        this(job, target, credentials, memory, credentialsRenewed, null);
    }

    /** Connector progress kept in the job document. */
    public interface ConnectorMemory {
        String recall(String key);

        void remember(String key, String value);
    }
}
