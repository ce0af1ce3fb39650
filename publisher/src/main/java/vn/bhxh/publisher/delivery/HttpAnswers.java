package vn.bhxh.publisher.delivery;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.job.Json;

/** HTTP facts shared by connectors: status classes and Retry-After (RFC 9110 §10.2.3: seconds or an HTTP date). */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    public static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    /** Server trouble or throttling: a later try can succeed. */
    public static boolean transientStatus(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    public static Duration retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").map(value -> parseRetryAfter(value, now)).orElse(null);
    }

    static Duration parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }

    /** Longest raw answer kept in a delivery log line (an nginx error page is about 500 bytes, a PHP fatal error more). */
    public static final int MAX_ANSWER = 2000;
    /** Longest piece of a service's own explanation quoted in a reason shown to people. */
    static final int MAX_QUOTED = 160;

    /**
     * The usual answer to a non-2xx status when the service has nothing more specific to say: a short Vietnamese sentence
     * naming {@code service} and what to do, and the answer as it came for the delivery log.
     */
    public static DeliveryResult classify(String service, String summary, int status, HttpHeaders headers, String body,
                                          Instant now) {
        String raw = raw(status, body);
        if (transientStatus(status)) {
            String what = status == 429 ? service + " đang giới hạn số lần gửi (HTTP 429)."
                    : status == 408 ? service + " không trả lời kịp (HTTP 408)."
                    : service + " đang quá tải hoặc gặp lỗi máy chủ (HTTP " + status + ").";
            return new DeliveryResult.Transient(summary, status, what + " Hệ thống sẽ tự thử lại; nếu lỗi kéo dài, hãy báo"
                    + " người quản trị " + service + ".", retryAfter(headers, now), raw);
        }
        if (status == 401 || status == 403) {
            return new DeliveryResult.TokenRejected(summary, status, service + " từ chối thông tin đăng nhập của đích (HTTP "
                    + status + "). Hãy nhập lại thông tin đăng nhập của đích rồi bấm Tiếp tục.", raw);
        }
        String said = quote(body);
        String reason = switch (status) {
            case 404, 410 -> "Không tìm thấy địa chỉ nhận bài của " + service + " (HTTP " + status + "). Hãy kiểm tra địa chỉ"
                    + " của đích.";
            case 413 -> "Bài hoặc tệp đính kèm vượt giới hạn dung lượng của " + service + " (HTTP 413). Hãy giảm dung lượng"
                    + " tệp hoặc nhờ người quản trị " + service + " nâng giới hạn.";
            default -> service + " từ chối yêu cầu (HTTP " + status + (said.isEmpty() ? "" : ": " + said) + "). Hãy báo"
                    + " quản trị hệ thống kèm nhật ký giao.";
        };
        return new DeliveryResult.Permanent(summary, status, reason, raw);
    }

    /** The answer as it came, for the delivery log (administrators): status and body, cut at {@link #MAX_ANSWER}. */
    public static String raw(int status, String body) {
        String text = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
        return text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER) + "…";
    }

    /**
     * What a service said in words a person can read: the {@code message}, {@code error} or {@code detail} of a JSON
     * answer, or the text of any other answer with its HTML tags removed; empty for an HTML page (a proxy's error page
     * holds nothing but its status again) and for nothing at all.
     */
    public static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        JsonNode json = Json.parseOrNull(text);
        if (json != null) {
            text = "";
            for (String field : new String[] {"message", "error", "detail", "title"}) {
                JsonNode value = json.path(field);
                if (value.isString() && !value.asString().isBlank()) {
                    text = value.asString();
                    break;
                }
                if (value.isObject() && value.path("message").isString()) {
                    text = value.path("message").asString();
                    break;
                }
            }
        } else if (text.startsWith("<")) {
            return "";
        }
        text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    public static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
