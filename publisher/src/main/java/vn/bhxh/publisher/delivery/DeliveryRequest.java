package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.job.PublishJob;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One delivery attempt as a connector sees it. {@code remember} keeps a connector's progress in the job
 * (a YouTube upload session URI, a Zalo article token) so that the next owner after a crash resumes it;
 * {@code credentialsRenewed} stores credentials the connector refreshed.
 */
public record DeliveryRequest(PublishJob job, Target target, Credentials credentials,
                              ConnectorMemory memory, Consumer<Map<String, String>> credentialsRenewed) {

    /** Connector progress kept in the job document. */
    public interface ConnectorMemory {
        String recall(String key);

        void remember(String key, String value);
    }
}
