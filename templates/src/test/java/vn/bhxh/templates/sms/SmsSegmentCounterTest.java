package vn.bhxh.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentCounterTest {

    private final SmsSegmentCounter counter = new SmsSegmentCounter();

    @ParameterizedTest(name = "{0} GSM-7 characters → {1} segment(s)")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7SegmentsAtTheirBoundaries(int length, int segments) {
        SmsCount count = counter.count("a".repeat(length));

        assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(count.units()).isEqualTo(length);
        assertThat(count.segments()).isEqualTo(segments);
    }

    @ParameterizedTest(name = "{0} UCS-2 characters → {1} segment(s)")
    @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
    void ucs2SegmentsAtTheirBoundaries(int length, int segments) {
        // One Vietnamese letter forces UCS-2 for the whole text.
        SmsCount count = counter.count("ệ" + "a".repeat(length - 1));

        assertThat(count.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(count.units()).isEqualTo(length);
        assertThat(count.segments()).isEqualTo(segments);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(counter.count("a".repeat(158) + "€")).satisfies(count -> {
            assertThat(count.encoding()).isEqualTo(SmsEncoding.GSM_7);
            assertThat(count.units()).isEqualTo(160);
            assertThat(count.segments()).isEqualTo(1);
            assertThat(count.unitsLeftInLastSegment()).isZero();
        });
        assertThat(counter.count("a".repeat(159) + "€").segments()).isEqualTo(2);
        assertThat(counter.count("[]{}\\^~|").units()).isEqualTo(16);
    }

    @Test
    void anExtensionCharacterIsNotSplitAcrossSegments() {
        // 306 septets would fit two segments of 153, but the escaped € cannot straddle the first boundary.
        SmsCount count = counter.count("a".repeat(152) + "€" + "a".repeat(152));

        assertThat(count.units()).isEqualTo(306);
        assertThat(count.segments()).isEqualTo(3);
    }

    @Test
    void surrogatePairsCountTwiceInUcs2() {
        assertThat(counter.count("a".repeat(68) + "😀")).satisfies(count -> {
            assertThat(count.encoding()).isEqualTo(SmsEncoding.UCS_2);
            assertThat(count.characters()).isEqualTo(69);
            assertThat(count.units()).isEqualTo(70);
            assertThat(count.segments()).isEqualTo(1);
        });
        assertThat(counter.count("a".repeat(69) + "😀").segments()).isEqualTo(2);
    }

    @Test
    void aSurrogatePairIsNotSplitAcrossSegments() {
        SmsCount count = counter.count("a".repeat(66) + "😀" + "a".repeat(66));

        assertThat(count.units()).isEqualTo(134);
        assertThat(count.segments()).isEqualTo(3);
    }

    @Test
    void decomposedVietnameseIsCountedAfterNfc() {
        String decomposed = "Vie\u0323\u0302t Nam";

        SmsCount count = counter.count(decomposed);

        assertThat(count.text()).isEqualTo("Việt Nam");
        assertThat(count.characters()).isEqualTo(8);
        assertThat(count.units()).isEqualTo(8);
    }

    @Test
    void vietnameseDiacriticsForceUcs2EvenWhenGsm7HasTheLetter() {
        // "à" is in the GSM 03.38 table, but accented Vietnamese is sent and billed as Unicode.
        assertThat(counter.count("Ba").encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(counter.count("Bà").encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(counter.count("Đi").encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void anOfficialSloganFitsOneUnicodeSegment() {
        SmsCount count = counter.count("Bảo hiểm xã hội là đầu tư cho tương lai.");

        assertThat(count.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(count.characters()).isEqualTo(40);
        assertThat(count.segments()).isEqualTo(1);
        assertThat(count.unitsLeftInLastSegment()).isEqualTo(30);
        assertThat(count.describeVietnamese()).isEqualTo("1 tin nhắn (UCS-2), 40 ký tự, còn 30 ký tự trong tin cuối");
    }

    @Test
    void khmerIsUcs2() {
        assertThat(counter.count("ព្រះរាជាណាចក្រកម្ពុជា").encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void emptyTextIsNoSegment() {
        assertThat(counter.count("").segments()).isZero();
    }
}
