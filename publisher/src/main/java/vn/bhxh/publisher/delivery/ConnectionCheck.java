package vn.bhxh.publisher.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;

/**
 * The admin's "test connection" button: one harmless, read-only call per channel (each {@link ChannelDescriptor}
 * says which) that proves the endpoint answers and the stored credentials are accepted, without posting anything.
 */
public final class ConnectionCheck {

    /** What the check found, in a sentence an admin can act on. */
    public record Result(boolean ok, Integer status, String message) {

        /** The usual reading of a "who am I" call: 2xx names the account, else the service's error says why. */
        public static Result credentialsAnswer(String service, HttpAnswer answer) {
            JsonNode body = answer.jsonOrEmpty();
            if (answer.success()) {
                String name = body.path("name").asString(body.path("id").asString(""));
                return new Result(true, answer.status(), service + " đã nhận thông tin đăng nhập / accepted the credentials"
                        + (name.isEmpty() ? "" : ": " + name));
            }
            JsonNode error = body.path("error");
            String detail = error.isObject() ? error.path("message").asString("")
                    + (error.has("code") ? " (" + error.path("code").asString() + ")" : "")
                    : HttpAnswers.abbreviate(String.valueOf(answer.body()));
            String meaning = answer.status() == 401 || answer.status() == 403 || error.path("code").asInt(0) == 190
                    ? "thông tin đăng nhập không còn hiệu lực / the credentials are not accepted"
                    : "HTTP " + answer.status();
            return new Result(false, answer.status(), service + ": " + meaning + " — " + detail);
        }
    }

    /** What a descriptor's check calls with: the shared HTTP helper, the clock, and a bounded GET. */
    public record Probe(HttpExchange http, Clock clock, Duration timeout) {

        public HttpRequest.Builder get(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(timeout).GET();
        }
    }

    private final List<ChannelDescriptor> channels;
    private final Probe probe;

    public ConnectionCheck(List<ChannelDescriptor> channels, HttpClient http, Clock clock, Duration timeout) {
        this.channels = List.copyOf(channels);
        this.probe = new Probe(new HttpExchange(http, clock), clock, timeout);
    }

    public Result check(Target target, Credentials credentials) {
        ChannelDescriptor channel = channels.stream().filter(c -> c.channel().equals(target.channel())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Kênh chưa được hỗ trợ / unsupported channel " + target.channel()));
        try {
            return channel.check().run(target, credentials, probe);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Result(false, null, e.getMessage());
        } catch (IOException e) {
            return new Result(false, null, "Không kết nối được / could not connect: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "Bị ngắt / interrupted");
        }
    }
}
