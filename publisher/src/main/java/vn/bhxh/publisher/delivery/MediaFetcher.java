package vn.bhxh.publisher.delivery;

import vn.bhxh.publisher.job.MediaRef;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a rendered media file's bytes for connectors that must upload them (WordPress media, YouTube). */
public interface MediaFetcher {

    byte[] fetch(MediaRef media) throws IOException;

    /** Fetches over HTTP(S); the cms may supply one that reads the blob store directly. */
    static MediaFetcher http(HttpClient client) {
        return media -> {
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(media.url()))
                        .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " khi tải / fetching " + media.url());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Bị ngắt / interrupted", e);
            }
        };
    }
}
