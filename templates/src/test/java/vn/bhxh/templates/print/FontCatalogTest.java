package vn.bhxh.templates.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontCatalogTest {

    @Test
    void eachScriptGetsItsOwnNotoFont() {
        FontCatalog fonts = FontCatalog.debianNoto();

        assertThat(fonts.faceFor('ở', null)).hasValueSatisfying(face -> assertThat(face.name()).isEqualTo("NotoSans"));
        assertThat(fonts.faceFor("ក".codePointAt(0), null)).hasValueSatisfying(face -> assertThat(face.name()).isEqualTo("NotoSansKhmer"));
        assertThat(fonts.faceFor("ꪀ".codePointAt(0), null)).hasValueSatisfying(face -> assertThat(face.name()).isEqualTo("NotoSansTaiViet"));
        assertThat(fonts.faceFor("ꨀ".codePointAt(0), null)).hasValueSatisfying(face -> assertThat(face.name()).isEqualTo("NotoSansCham"));
        assertThat(fonts.faceFor("😀".codePointAt(0), null)).isEmpty();
    }

    @Test
    void aSpaceStaysInTheCurrentScriptsFont() {
        FontCatalog fonts = FontCatalog.debianNoto();
        FontFace khmer = fonts.faceFor("ក".codePointAt(0), null).orElseThrow();

        assertThat(fonts.faceFor(' ', khmer)).contains(khmer);
    }

    @Test
    void findsAnotherBuildOfTheFamilyWhenTheFileIsRenamed(@TempDir Path folder) throws IOException {
        for (String name : new String[] {"NotoSans-Regular.ttf", "NotoSansCham-Regular.ttf", "NotoSansTaiViet-Regular.ttf"}) {
            Files.copy(FontCatalog.DEBIAN_NOTO.resolve(name), folder.resolve(name));
        }
        Files.copy(FontCatalog.DEBIAN_NOTO.resolve("NotoSansKhmer-Regular.ttf"), folder.resolve("NotoSansKhmer[wdth,wght].ttf"));

        FontCatalog fonts = new FontCatalog(folder);

        assertThat(fonts.faceFor("ក".codePointAt(0), null)).hasValueSatisfying(face ->
                assertThat(face.file().getFileName().toString()).isEqualTo("NotoSansKhmer[wdth,wght].ttf"));
    }

    @Test
    void aMissingFontNamesThePackageToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> new FontCatalog(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts-noto-core");
    }
}
