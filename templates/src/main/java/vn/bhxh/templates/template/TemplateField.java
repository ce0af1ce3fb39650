package vn.bhxh.templates.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields a template may name. A template naming anything else is refused when saved: a misspelt
 * {{titel}} must never publish an empty title. The untracked public URL is deliberately not a field:
 * templates get {@link #LINK}, which always carries campaign tracking.
 */
public enum TemplateField {
    PRODUCT_ID("productId", "Mã sản phẩm"),
    PRODUCT_TYPE("productType", "Loại sản phẩm"),
    LANGUAGE_TAG("languageTag", "Mã ngôn ngữ BCP 47 (vi, km, tyz …)"),
    LANGUAGE_NAME("languageName", "Tên ngôn ngữ (Tiếng Khmer …)"),
    TITLE("title", "Tiêu đề"),
    SUMMARY("summary", "Tóm tắt"),
    BODY("body", "Nội dung HTML đã làm sạch (chỉ dùng trong mẫu HTML, dạng {{{body}}})"),
    BODY_TEXT("bodyText", "Nội dung dạng văn bản thuần"),
    MESSAGE("message", "Khẩu hiệu / thông điệp"),
    LINK("link", "Liên kết tới trang công khai, có tham số theo dõi chiến dịch"),
    CAMPAIGN_CODE("campaignCode", "Mã chiến dịch"),
    AUTHOR("author", "Tác giả / đơn vị"),
    IMAGE_URL("imageUrl", "Ảnh đại diện"),
    AUDIO_URL("audioUrl", "Tệp âm thanh"),
    AUDIO_DURATION("audioDuration", "Thời lượng âm thanh (phút:giây)"),
    VIDEO_URL("videoUrl", "Tệp video"),
    VIDEO_DURATION("videoDuration", "Thời lượng video (phút:giây)");

    private final String key;
    private final String vietnameseDescription;

    TemplateField(String key, String vietnameseDescription) {
        this.key = key;
        this.vietnameseDescription = vietnameseDescription;
    }

    /** The name used inside templates: {{title}}. */
    public String key() {
        return key;
    }

    public String vietnameseDescription() {
        return vietnameseDescription;
    }

    public static Optional<TemplateField> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
