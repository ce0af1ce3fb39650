package vn.bhxh.templates.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.bhxh.templates.Samples;

class RenderInputTest {

    @Test
    void languageTagsAreNormalizedAndNamedInVietnamese() {
        RenderInput taiDam = Samples.vietnamese().toBuilder().languageTag("BLT-tavt").build();

        assertThat(taiDam.languageTag()).isEqualTo("blt-Tavt");
        assertThat(LanguageNames.vietnameseName("blt-Tavt")).isEqualTo("Tiếng Thái (Thái Đen), chữ Tavt");
        assertThat(LanguageNames.vietnameseName("tyz")).isEqualTo("Tiếng Tày");
        assertThat(LanguageNames.vietnameseName("xx")).isEqualTo("xx");
    }

    @Test
    void refusesWhatCouldRunOrIsNoLanguage() {
        assertThatThrownBy(() -> Samples.vietnamese().toBuilder().imageUrl("javascript:alert(1)").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samples.vietnamese().toBuilder().languageTag("không phải mã").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samples.vietnamese().toBuilder().title(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBodySplitsIntoTextAndImageBlocksInReadingOrder() {
        HtmlBody body = HtmlBody.of("<p>Một</p><ul><li>Hai</li></ul><img src=\"https://a.vn/x.jpg\" alt=\"Ảnh\"><p>Ba <b>đậm</b></p>");

        assertThat(body.blocks()).containsExactly(new HtmlBody.BodyBlock.Text("Một"), new HtmlBody.BodyBlock.Text("Hai"),
                new HtmlBody.BodyBlock.Image("https://a.vn/x.jpg", "Ảnh"), new HtmlBody.BodyBlock.Text("Ba đậm"));
        assertThat(body.plainText()).isEqualTo("Một\n\nHai\n\nBa đậm");
    }
}
