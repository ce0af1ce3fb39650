package vn.bhxh.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7TransliteratorTest {

    private final Gsm7Transliterator transliterator = new Gsm7Transliterator();
    private final SmsSegmentCounter counter = new SmsSegmentCounter();

    @Test
    void removesVietnameseDiacriticsAndFitsGsm7() {
        String unaccented = transliterator.toGsm7("Tham gia bảo hiểm xã hội - Đóng góp hôm nay, để dành tương lai.");

        assertThat(unaccented).isEqualTo("Tham gia bao hiem xa hoi - Dong gop hom nay, de danh tuong lai.");
        assertThat(counter.count(unaccented).encoding()).isEqualTo(SmsEncoding.GSM_7);
    }

    @Test
    void typographicPunctuationBecomesGsm7() {
        assertThat(transliterator.toGsm7("“BHXH” – ‘VssID’…")).isEqualTo("\"BHXH\" - 'VssID'...");
    }

    @Test
    void scriptsWithoutALatinFormBecomeVisibleQuestionMarks() {
        assertThat(transliterator.toGsm7("កម្ពុជា")).matches("\\?+");
    }
}
