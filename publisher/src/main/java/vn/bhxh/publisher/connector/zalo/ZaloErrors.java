package vn.bhxh.publisher.connector.zalo;

import vn.bhxh.publisher.delivery.DeliveryResult;
import vn.bhxh.publisher.job.PublishJob;

/**
 * Zalo's error codes ({@code {"error":-216,"message":…}}, often inside HTTP 200) to our classes, each with a short
 * Vietnamese sentence saying what to do; Zalo's answer as it came stays in the delivery log for administrators.
 */
final class ZaloErrors {

    static final String TOKEN_REJECTED = "Zalo từ chối mã truy cập của OA (hết hạn hoặc bị thu hồi) và không làm mới được."
            + " Hãy kết nối lại Zalo OA trong trang đích rồi bấm Tiếp tục.";
    static final String TIER = "Gói dịch vụ của Zalo OA này không có tính năng đăng bài. Hãy nâng cấp gói OA trên Zalo"
            + " hoặc bỏ đích này khỏi lịch.";

    private ZaloErrors() {
    }

    static DeliveryResult classify(String summary, ZaloAnswer answer) {
        if (answer.tokenInvalid()) {
            return new DeliveryResult.TokenRejected(summary, answer.httpStatus(), TOKEN_REJECTED, answer.reason());
        }
        if (answer.httpStatus() >= 500 || answer.httpStatus() == 429) {
            return new DeliveryResult.Transient(summary, answer.httpStatus(), "Zalo đang quá tải hoặc gặp lỗi máy chủ (HTTP "
                    + answer.httpStatus() + "). Hệ thống sẽ tự thử lại.", null, answer.reason());
        }
        if (answer.error() == ZaloAnswer.TIER_LACKS_FEATURE) {
            return new DeliveryResult.Permanent(summary, answer.httpStatus(), TIER, answer.reason());
        }
        return new DeliveryResult.Permanent(summary, answer.httpStatus(), "Zalo không nhận bài viết (mã lỗi " + answer.error()
                + "). Hãy kiểm tra nội dung và ảnh bìa (ảnh tối đa 1 MB) rồi thử lại; nếu vẫn lỗi, báo quản trị hệ thống"
                + " kèm nhật ký giao.", answer.reason());
    }

    /** The refresh token was refused (used already, or the OA revoked the app): only reconnecting the OA helps. */
    static DeliveryResult refreshFailed(String summary, int status, String answer) {
        return new DeliveryResult.TokenRejected(summary, status, TOKEN_REJECTED, answer);
    }

    /** Zalo refused to update the article: it stays as revision {@code previous} showed it, and a person must change it. */
    static DeliveryResult updateRefused(String summary, ZaloAnswer answer, PublishJob job, PublishJob previous) {
        return new DeliveryResult.UpdateByHand(summary, answer.httpStatus(), "Zalo không cho cập nhật bài viết đã đăng (mã lỗi "
                + answer.error() + "), nên bài vẫn hiển thị như bản " + previous.variantRevision() + ". Hãy sửa bài tại "
                + previous.remoteUrl() + " theo bản " + job.variantRevision() + " trên trang quản lý Zalo OA, rồi huỷ lịch này.",
                answer.reason(), previous.remoteUrl());
    }
}
