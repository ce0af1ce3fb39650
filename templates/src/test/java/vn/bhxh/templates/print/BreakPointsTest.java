package vn.bhxh.templates.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BreakPointsTest {

    private static final Locale KHMER = Locale.forLanguageTag("km");

    @Test
    void aStackedKhmerConsonantIsNeverSplit() {
        // ក + coeng + រ is one stack on paper; Unicode's grapheme rules alone would allow a break after the coeng.
        assertThat(BreakPoints.graphemes("ក្រក", KHMER)).containsExactly("ក្រ", "ក");
        assertThat(String.join("", BreakPoints.graphemes("ព្រះរាជាណាចក្រកម្ពុជា", KHMER)))
                .isEqualTo("ព្រះរាជាណាចក្រកម្ពុជា");
        assertThat(BreakPoints.graphemes("ព្រះរាជាណាចក្រកម្ពុជា", KHMER)).noneMatch(piece -> piece.endsWith("\u17D2"));
    }

    @Test
    void vietnameseBreaksBetweenWordsAndKeepsDiacriticsWithTheirLetter() {
        assertThat(BreakPoints.words("Bảo hiểm xã hội", Locale.forLanguageTag("vi"))).containsExactly("Bảo ", "hiểm ", "xã ", "hội");
        assertThat(BreakPoints.graphemes("Vie\u0323\u0302t", Locale.forLanguageTag("vi"))).containsExactly("V", "i", "e\u0323\u0302", "t");
    }
}
