package vn.bhxh.templates.print;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shapes Khmer and Cham text with the JDK's OpenType layout engine (HarfBuzz), which PDFBox lacks: it
 * stacks subscript consonants (coeng) and moves pre-base vowels where a reader expects them. The result
 * is glyph outlines to draw; the plain text goes into the PDF separately, invisible, for copy and search.
 */
final class ComplexScriptShaper {

    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

    private final Map<FontFace, Font> fonts = new ConcurrentHashMap<>();

    /** The shaped glyph outlines of the text at the origin, in AWT coordinates (y grows downwards). */
    Shape outline(FontFace face, String text, float size) {
        return layout(face, text, size).getOutline();
    }

    /** The advance width of the shaped text, in points. */
    float advance(FontFace face, String text, float size) {
        GlyphVector glyphs = layout(face, text, size);
        return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
    }

    /** The glyph ids the shaper chose, in the font's own numbering. */
    int[] glyphIds(FontFace face, String text, float size) {
        GlyphVector glyphs = layout(face, text, size);
        return glyphs.getGlyphCodes(0, glyphs.getNumGlyphs(), null);
    }

    private GlyphVector layout(FontFace face, String text, float size) {
        char[] chars = text.toCharArray();
        return awtFont(face).deriveFont(size).layoutGlyphVector(FRACTIONAL, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
    }

    private Font awtFont(FontFace face) {
        return fonts.computeIfAbsent(face, f -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, f.file().toFile());
            } catch (FontFormatException | IOException e) {
                throw new UncheckedIOException("Không đọc được phông chữ / cannot read font " + f.file(),
                        e instanceof IOException io ? io : new IOException(e));
            }
        });
    }
}
