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

    FontFace(String name, Path file) {
        this.name = name;
        this.file = file;
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

    public boolean covers(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
