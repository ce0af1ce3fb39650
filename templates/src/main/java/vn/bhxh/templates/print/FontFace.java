package vn.bhxh.templates.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/** One font file and what it covers. Coverage is read from the font's own Unicode cmap, never assumed. */
public final class FontFace {

    private final String name;
    private final Path file;
    private final CmapLookup cmap;
    private final boolean needsShaping;

    FontFace(String name, Path file, boolean needsShaping) {
        this.name = name;
        this.file = file;
        this.needsShaping = needsShaping;
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
            this.cmap = font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được phông chữ / cannot read font " + file, e);
        }
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    /** Its script needs OpenType shaping (reordering, stacking) to be read correctly. */
    public boolean needsShaping() {
        return needsShaping;
    }

    /** The glyph the font maps the character to without shaping (0 when it has none). */
    int glyphId(int codePoint) {
        return cmap.getGlyphId(codePoint);
    }

    public boolean covers(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
