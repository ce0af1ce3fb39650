package vn.bhxh.publisher.connector.youtube;

import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.delivery.HttpAnswer;
import vn.bhxh.publisher.delivery.HttpAnswers;

/**
 * Google API errors ({@code {"error":{"code":403,"message":…,"errors":[{"reason":"quotaExceeded",…}]}}}, the reasons the
 * Data API v3 documents for videos.insert, videos.update and videos.delete) to our classes, each with a short Vietnamese
 * sentence saying what to do; the answer as it came stays in the delivery log for administrators.
 */
final class YouTubeErrors {

    private static final Set<String> QUOTA = Set.of("quotaExceeded", "rateLimitExceeded", "userRateLimitExceeded",
            "dailyLimitExceeded");
    private static final Set<String> PERMISSION = Set.of("insufficientPermissions", "forbidden", "authError",
            "invalidCredentials");
    private static final Set<String> CONTENT = Set.of("invalidTitle", "invalidDescription", "invalidTags",
            "invalidCategoryId", "invalidVideoMetadata", "mediaBodyRequired");

    static final String TOKEN_REJECTED = "YouTube từ chối mã truy cập của kênh (hết hạn, bị thu hồi hoặc thiếu quyền đăng"
            + " video). Hãy cấp lại quyền cho ứng dụng bằng tài khoản Google quản lý kênh, nhập mã mới vào đích rồi bấm Tiếp tục.";
    static final String QUOTA_USED = "Ứng dụng đã dùng hết hạn mức gọi YouTube trong ngày. Hệ thống sẽ thử lại mỗi giờ;"
            + " hạn mức được cấp lại vào khoảng 14–15 giờ (giờ Việt Nam).";

    private YouTubeErrors() {
    }

    static DeliveryResult classify(String summary, HttpAnswer answer) {
        JsonNode error = answer.jsonOrEmpty().path("error");
        String reason = error.path("errors").path(0).path("reason").asString("");
        int status = answer.status();
        String raw = HttpAnswers.raw(status, answer.body());
        if (QUOTA.contains(reason)) {
            // The daily quota comes back at midnight Pacific time; trying hourly is cheap.
            return new DeliveryResult.Transient(summary, status, QUOTA_USED, Duration.ofHours(1), raw);
        }
        if (reason.equals("uploadLimitExceeded")) {
            return new DeliveryResult.Transient(summary, status, "Kênh đã đạt giới hạn số video YouTube cho tải lên trong"
                    + " ngày. Hệ thống sẽ thử lại sau vài giờ.", Duration.ofHours(6), raw);
        }
        if (reason.equals("youtubeSignupRequired")) {
            return new DeliveryResult.TokenRejected(summary, status, "Tài khoản Google đã kết nối chưa có kênh YouTube. Hãy"
                    + " kết nối bằng tài khoản của kênh BHXH rồi bấm Tiếp tục.", raw);
        }
        if (status == 401 || PERMISSION.contains(reason)) {
            return new DeliveryResult.TokenRejected(summary, status, TOKEN_REJECTED, raw);
        }
        if (CONTENT.contains(reason)) {
            return new DeliveryResult.Permanent(summary, status, "YouTube không nhận tiêu đề hoặc mô tả của video (quá dài,"
                    + " hoặc có ký tự < > không được phép). Hãy sửa nội dung rồi lên lịch lại.", raw);
        }
        if (reason.equals("videoNotFound") || status == 404) {
            return new DeliveryResult.Permanent(summary, status, "Không tìm thấy video này trên kênh YouTube (có thể đã bị xoá"
                    + " bằng tay). Hãy lên lịch đăng lại.", raw);
        }
        return answer.classified("YouTube", summary);
    }
}
