package vn.bhxh.templates.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComplexScriptShaperTest {

    private static final FontCatalog FONTS = FontCatalog.debianNoto();
    private final ComplexScriptShaper shaper = new ComplexScriptShaper();

    private static FontFace khmer() {
        return FONTS.faceFor("ក".codePointAt(0), null).orElseThrow();
    }

    @Test
    void khmerSubscriptConsonantsAreSubstitutedNotDrawnAsTheirLetters() {
        // "ក្រ": ka, coeng, ro. Unshaped, the coeng sign and a full-size ro would be drawn side by side.
        String text = "ក្រ";
        int[] unshaped = text.codePoints().map(cp -> khmer().glyphId(cp)).toArray();

        int[] shaped = shaper.glyphIds(khmer(), text, 20);

        assertThat(shaped).isNotEqualTo(unshaped);
        assertThat(Arrays.stream(shaped).boxed().toList()).doesNotContain(khmer().glyphId("្".codePointAt(0)));
    }

    @Test
    void aStackedClusterIsNarrowerThanItsLettersSideBySide() {
        String text = "ក្រ";
        float unshaped = 0;
        for (int cp : text.codePoints().toArray()) {
            unshaped += shaper.advance(khmer(), Character.toString(cp), 20);
        }

        assertThat(shaper.advance(khmer(), text, 20)).isLessThan(unshaped);
    }

    @Test
    void khmerAndChamNeedShapingLatinAndTaiVietDoNot() {
        assertThat(khmer().needsShaping()).isTrue();
        assertThat(FONTS.faceFor("ꨀ".codePointAt(0), null).orElseThrow().needsShaping()).isTrue();
        assertThat(FONTS.faceFor("ꪀ".codePointAt(0), null).orElseThrow().needsShaping()).isFalse();
        assertThat(FONTS.faceFor('ệ', null).orElseThrow().needsShaping()).isFalse();
    }
}
