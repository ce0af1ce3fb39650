package vn.bhxh.publisher.connector.wordpress;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;

/**
 * WordPress REST errors ({@code {"code":…,"message":…,"data":{"status":…}}}) to our classes, each with a short Vietnamese
 * sentence saying what to do; the answer as it came stays in the delivery log for administrators.
 *
 * <p>Bad credentials do not always come as 401: WordPress treats a request with a wrong application password as an
 * anonymous one, so a lookup of drafts answers 400 {@code rest_invalid_param} whose details say
 * {@code rest_forbidden_status} (401). Any such answer means the same thing: the target's credentials are rejected.
 */
final class WordPressErrors {

    /** Longest raw answer kept in a delivery log line (an nginx error page is about 500 bytes, a PHP fatal error more). */
    static final int MAX_ANSWER = 2000;

    private static final Set<String> CREDENTIAL_CODES = Set.of("incorrect_password", "invalid_username", "invalid_email",
            "rest_not_logged_in", "rest_cannot_create", "rest_cannot_edit", "rest_cannot_delete", "rest_cannot_upload",
            "rest_cannot_edit_others", "rest_cannot_publish", "rest_forbidden", "rest_forbidden_context",
            "rest_forbidden_status", "application_passwords_disabled", "application_passwords_disabled_for_user");

    static final String CREDENTIALS_REJECTED = "WordPress từ chối tài khoản hoặc mật khẩu ứng dụng của đích này. Hãy tạo mật khẩu"
            + " ứng dụng mới cho một tài khoản có quyền Biên tập viên, nhập lại vào đích rồi bấm Tiếp tục.";

    private WordPressErrors() {
    }

    static DeliveryResult classify(String summary, HttpAnswer answer) {
        int status = answer.status();
        String raw = raw(answer);
        JsonNode error = answer.jsonOrEmpty();
        String code = error.path("code").asString("");
        if (credentialsRejected(status, error)) {
            return new DeliveryResult.TokenRejected(summary, status, CREDENTIALS_REJECTED, raw);
        }
        if (code.startsWith("rest_upload")) {
            // WordPress answers 500 for a refused file type: trying again would not change it.
            return new DeliveryResult.Permanent(summary, status, "WordPress không nhận tệp đính kèm (loại tệp hoặc dung lượng"
                    + " không được phép). Hãy cho phép loại tệp này hoặc tăng giới hạn tải lên trên WordPress rồi thử lại.", raw);
        }
        if (HttpAnswers.transientStatus(status)) {
            return new DeliveryResult.Transient(summary, status, "WordPress đang quá tải hoặc gặp lỗi máy chủ (HTTP " + status
                    + "). Hệ thống sẽ tự thử lại; nếu lỗi kéo dài, hãy báo người quản trị trang WordPress.",
                    answer.retryAfter(), raw);
        }
        String reason;
        if (code.equals("rest_post_invalid_id")) {
            reason = "Bài viết này không còn trên WordPress. Hãy lên lịch đăng lại.";
        } else if (code.equals("rest_invalid_param") || code.equals("rest_missing_callback_param")) {
            reason = "WordPress không nhận nội dung bài viết (tham số không hợp lệ). Hãy báo quản trị hệ thống kèm nhật ký giao.";
        } else if (status == 404) {
            reason = "Không tìm thấy giao diện REST của WordPress tại địa chỉ của đích. Hãy kiểm tra địa chỉ trang (không kèm"
                    + " /wp-json) và bật đường dẫn tĩnh (permalink).";
        } else {
            reason = "WordPress từ chối bài viết (HTTP " + status + (code.isEmpty() ? "" : ", mã " + code)
                    + "). Hãy báo quản trị hệ thống kèm nhật ký giao.";
        }
        return new DeliveryResult.Permanent(summary, status, reason, raw);
    }

    private static boolean credentialsRejected(int status, JsonNode error) {
        if (status == 401 || status == 403 || CREDENTIAL_CODES.contains(error.path("code").asString(""))) {
            return true;
        }
        // rest_invalid_param whose details name a forbidden parameter (the anonymous request asked for drafts).
        for (JsonNode detail : error.path("data").path("details")) {
            int detailStatus = detail.path("data").path("status").asInt(0);
            if (CREDENTIAL_CODES.contains(detail.path("code").asString("")) || detailStatus == 401 || detailStatus == 403) {
                return true;
            }
        }
        return false;
    }

    private static String raw(HttpAnswer answer) {
        String body = answer.body() == null ? "" : answer.body();
        String text = "HTTP " + answer.status() + (body.isBlank() ? "" : ": " + body.strip());
        return text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER) + "…";
    }
}
