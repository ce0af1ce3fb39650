package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.crypto.SealedSecret;
import vn.bhxh.publisher.job.Channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A configured account on one channel: the national portal, a province's portal, a Facebook Page, a Zalo
 * OA, a YouTube channel, the app feed. {@code account} is the channel's own id (Page id, OA id, channel id);
 * {@code minInterval} spaces posts to the target as its service asks.
 */
public record Target(String id, Channel channel, String name, URI endpoint, String account, SealedSecret credentials,
                     Duration minInterval, List<String> adminContacts) {

    public Target {
        minInterval = minInterval == null ? Duration.ZERO : minInterval;
        adminContacts = adminContacts == null ? List.of() : List.copyOf(adminContacts);
    }

    /** {@code path} under the endpoint ("/v2.0/article/create" under "https://openapi.zalo.me/"). */
    public URI resolve(String path) {
        if (endpoint == null) {
            throw new IllegalArgumentException("Đích chưa có địa chỉ / the target has no endpoint");
        }
        return URI.create(endpoint.toString().replaceAll("/+$", "") + path);
    }
}
