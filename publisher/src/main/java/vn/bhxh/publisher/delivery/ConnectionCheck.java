package vn.bhxh.publisher.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.crypto.Credentials;
import vn.bhxh.publisher.crypto.CredentialsUnusable;

/**
 * The admin's "test connection" button: one harmless, read-only call per channel (each {@link ChannelDescriptor}
 * says which) that proves the endpoint answers and the stored credentials are accepted, without posting anything.
 */
public final class ConnectionCheck {

    /**
     * What the check found, in one sentence an admin can act on: what was tried, and whether it worked or why not
     * ("Đã thử đọc Trang Facebook 1020 bằng mã truy cập Trang: không được. Mã truy cập … đã hết hạn …").
     */
    public record Result(boolean ok, Integer status, String message) {

        /**
         * The usual reading of a "who am I" call: 2xx names the account ({@code name}, else {@code id}); anything else
         * says why, in the words the channel's delivery uses for the same answer ({@code classify}).
         */
        public static Result answered(String tried, HttpAnswer answer, Function<HttpAnswer, DeliveryResult> classify) {
            if (answer.success()) {
                JsonNode body = answer.jsonOrEmpty();
                String name = body.path("name").asString(body.path("id").asString(""));
                return new Result(true, answer.status(), tried + ": được" + (name.isEmpty() ? "." : ", với tài khoản " + name + "."));
            }
            return failed(tried, answer.status(), classify.apply(answer).reason());
        }

        /**
         * Nothing was called: the stored credentials lack one, or cannot be read. Still one sentence, what was looked at and
         * what is wrong ("Đã xem khóa truy cập đã lưu trước khi gọi tới …: chưa nhập mật khẩu ứng dụng cho kênh …; hãy nhập …").
         */
        public static Result credentialsUnusable(Target target, CredentialsUnusable why) {
            String sentence = why.getMessage();
            return new Result(false, null, "Đã xem khóa truy cập đã lưu trước khi gọi tới "
                    + (target.endpoint() == null ? "kênh" : target.endpoint()) + ": "
                    + Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1));
        }

        /** {@code tried} did not work, for {@code why}. */
        public static Result failed(String tried, Integer status, String why) {
            return new Result(false, status, tried + ": không được. " + why);
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
        } catch (CredentialsUnusable e) {
            return Result.credentialsUnusable(target, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Result(false, null, e.getMessage());
        } catch (HttpTimeoutException e) {
            return Result.failed("Đã thử kết nối tới " + target.endpoint(), null, "Máy chủ không trả lời kịp; hãy thử lại sau"
                    + " hoặc kiểm tra địa chỉ của đích.");
        } catch (IOException e) {
            return Result.failed("Đã thử kết nối tới " + target.endpoint(), null, "Không kết nối được tới máy chủ; hãy kiểm tra"
                    + " địa chỉ của đích và mạng.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "Việc kiểm tra bị ngắt giữa chừng; hãy thử lại.");
        }
    }
}
