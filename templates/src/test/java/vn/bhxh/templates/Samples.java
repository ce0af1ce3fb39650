package vn.bhxh.templates;

import java.time.Duration;
import vn.bhxh.templates.content.RenderInput;

/**
 * Sample variants for tests. Nobody on the team writes Khmer, Tày, Tai Dam or Cham, so no translations are
 * made up: the Khmer sample uses the Khmer name of Cambodia ("ព្រះរាជាណាចក្រកម្ពុជា", a public fact) and says so,
 * and the Tày variant carries Vietnamese text marked as a placeholder. Vietnamese titles and slogans are the
 * agency's own (shared/seeds/001, §5 "Thông điệp truyền thông").
 */
public final class Samples {

    public static final String PUBLIC_URL = "https://baohiemxahoi.gov.vn/san-pham/vi-sao-nen-tham-gia-bhxh-tu-nguyen";
    public static final String KHMER_SAMPLE = "ព្រះរាជាណាចក្រកម្ពុជា";
    /** Tai Viet and Cham letters from their Unicode blocks: characters to test fonts with, not words. */
    public static final String TAI_VIET_LETTERS = "ꪀꪁꪂꪃꪄꪅ";
    public static final String CHAM_LETTERS = "ꨀꨁꨂꨃꨄꨅ";

    private Samples() {
    }

    public static RenderInput vietnamese() {
        return RenderInput.builder()
                .productId("to-roi-bhxh-tu-nguyen-2025")
                .productType("LEAFLET")
                .languageTag("vi")
                .title("Vì sao người dân nên tham gia BHXH tự nguyện, BHYT hộ gia đình")
                .summary("Bảo hiểm xã hội tự nguyện - của để dành của người lao động.")
                .bodyHtml("<p>Bảo hiểm xã hội là đầu tư cho tương lai.</p>"
                        + "<p>Tham gia bảo hiểm xã hội tự nguyện bạn sẽ được Nhà nước hỗ trợ một phần mức đóng.</p>"
                        + "<figure><img src=\"https://baohiemxahoi.gov.vn/anh/bhxh-tu-nguyen.jpg\" alt=\"BHXH tự nguyện\"></figure>"
                        + "<p>Hãy tham gia bảo hiểm y tế để được chia sẻ gánh nặng khi ốm đau, bệnh tật.</p>")
                .message("Tham gia bảo hiểm xã hội tự nguyện, tích lũy khi trẻ - vui khỏe khi già.")
                .publicUrl(PUBLIC_URL)
                .campaignCode("Tháng vận động BHXH 2025")
                .author("Ban Tuyên truyền và Hỗ trợ người tham gia")
                .imageUrl("https://baohiemxahoi.gov.vn/anh/bia-to-roi.jpg")
                .audio("https://baohiemxahoi.gov.vn/tep/bhxh-tu-nguyen.mp3", Duration.ofSeconds(245))
                .video("https://baohiemxahoi.gov.vn/tep/bhxh-tu-nguyen.mp4", Duration.ofSeconds(200))
                .build();
    }

    /** Khmer script: sample text only, labelled as such in Vietnamese. */
    public static RenderInput khmer() {
        return vietnamese().toBuilder()
                .languageTag("km")
                .title(KHMER_SAMPLE)
                .summary("Văn bản mẫu chữ Khmer (tên nước Campuchia), không phải bản dịch.")
                .bodyHtml("<p>" + KHMER_SAMPLE + "</p><p>(Văn bản mẫu để kiểm tra chữ Khmer, không phải bản dịch.)</p>")
                .message(KHMER_SAMPLE)
                .build();
    }

    /** Tày (Latin script): Vietnamese text marked as a placeholder until a Tày translator provides the text. */
    public static RenderInput tay() {
        return vietnamese().toBuilder()
                .languageTag("tyz")
                .title("[Giữ chỗ bản tiếng Tày] Bảo hiểm xã hội cho tất cả mọi người")
                .summary("[Giữ chỗ bản tiếng Tày] Bảo hiểm xã hội là đầu tư cho tương lai.")
                .bodyHtml("<p>[Giữ chỗ bản tiếng Tày] Tham gia bảo hiểm xã hội là bảo vệ cuộc sống của mỗi gia đình.</p>")
                .message("[Giữ chỗ bản tiếng Tày] Bảo hiểm xã hội cho tất cả mọi người.")
                .build();
    }
}
