package vn.bhxh.publisher.delivery;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client connectors share by default: HTTP/1.1 (portals and test servers rarely speak h2c), bounded connect time. */
public final class Http {

    private Http() {
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
