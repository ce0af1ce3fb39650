package vn.bhxh.publisher.connector.facebook;

import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Graph API error codes to our classes (developers.facebook.com/docs/graph-api/guides/error-handling).
 * Throttling codes wait as long as the usage headers say access returns, at least a minute.
 */
final class FacebookErrors {

    private static final Set<Integer> TEMPORARY = Set.of(1, 2);
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001);
    private static final int TOKEN = 190;
    private static final int POLICY_BLOCK = 368;
    private static final int DUPLICATE = 506;
    private static final int LINK_SCRAPE = 1609005;

    private FacebookErrors() {
    }

    static final String TOKEN_REJECTED = "Mã truy cập Trang Facebook đã hết hạn hoặc bị thu hồi (đổi mật khẩu, mất quyền"
            + " quản trị Trang hoặc gỡ ứng dụng). Hãy lấy mã truy cập Trang mới, nhập lại vào đích rồi bấm Tiếp tục.";
    static final String PERMISSION = "Ứng dụng chưa được cấp quyền đăng bài lên Trang (pages_manage_posts, pages_read_engagement;"
            + " publish_video cho video). Hãy cấp lại quyền trên Facebook, nhập mã truy cập mới rồi bấm Tiếp tục.";
    static final String DUPLICATE_POST = "Facebook từ chối vì bài này trùng với một bài vừa đăng trên Trang. Hãy sửa nội dung"
            + " hoặc huỷ lịch này.";

    static DeliveryResult classify(String summary, HttpAnswer answer) {
        JsonNode error = answer.json() == null ? null : answer.json().get("error");
        if (error == null) {
            return answer.classified("Facebook", summary);
        }
        int status = answer.status();
        String raw = HttpAnswers.raw(status, answer.body());
        HttpHeaders headers = answer.headers();
        Instant now = answer.receivedAt();
        int code = error.path("code").asInt(-1);
        if (TEMPORARY.contains(code)) {
            return new DeliveryResult.Transient(summary, status, "Facebook đang gặp lỗi tạm thời (mã " + code + "). Hệ thống"
                    + " sẽ tự thử lại.", HttpAnswers.retryAfter(headers, now), raw);
        }
        if (THROTTLED.contains(code)) {
            Duration regain = FacebookUsage.waitAdvised(headers);
            Duration wait = regain != null && regain.compareTo(Duration.ofMinutes(1)) > 0 ? regain : Duration.ofMinutes(1);
            return new DeliveryResult.Transient(summary, status, "Facebook đang giới hạn số lần gọi của Trang hoặc ứng dụng"
                    + " (mã " + code + "). Hệ thống sẽ tự thử lại sau khoảng " + Math.max(1, wait.toMinutes()) + " phút.",
                    wait, raw);
        }
        if (code == POLICY_BLOCK) {
            return new DeliveryResult.Transient(summary, status, "Facebook tạm chặn Trang đăng bài (mã 368, vi phạm chính sách)."
                    + " Hệ thống sẽ thử lại sau một giờ; hãy xem thông báo trong Meta Business Suite của Trang.",
                    Duration.ofHours(1), raw);
        }
        if (code == TOKEN || code == 102) {
            return new DeliveryResult.TokenRejected(summary, status, TOKEN_REJECTED, raw);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            // A lost permission: only a Page admin can fix it.
            return new DeliveryResult.TokenRejected(summary, status, PERMISSION, raw);
        }
        if (code == DUPLICATE) {
            return new DeliveryResult.Permanent(summary, status, DUPLICATE_POST, raw);
        }
        if (code == LINK_SCRAPE) {
            return new DeliveryResult.Permanent(summary, status, "Facebook không đọc được liên kết trong bài. Hãy kiểm tra liên"
                    + " kết mở được từ Internet rồi thử lại.", raw);
        }
        if (status >= 500) {
            return new DeliveryResult.Transient(summary, status, "Facebook đang gặp lỗi máy chủ (HTTP " + status + "). Hệ thống"
                    + " sẽ tự thử lại.", HttpAnswers.retryAfter(headers, now), raw);
        }
        return new DeliveryResult.Permanent(summary, status, "Facebook không nhận bài (mã " + code + "). Hãy kiểm tra nội dung"
                + " và tệp đính kèm; nếu vẫn lỗi, báo quản trị hệ thống kèm nhật ký giao.", raw);
    }
}
