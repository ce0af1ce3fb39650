package vn.bhxh.templates.print;

import com.google.zxing.common.BitMatrix;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import vn.bhxh.templates.qr.QrCodes;

/**
 * Lays out a leaflet or poster with PDFBox: headline, text, and on every page a footer with a QR code to
 * the product's public page. Fonts are embedded (subset) and chosen per script run.
 *
 * <p>PDFBox does no complex-script shaping, so Khmer and Cham runs are shaped by {@link ComplexScriptShaper}
 * and drawn as outlines, with the same text laid invisibly over them (as OCR'd PDFs do) so that copying,
 * searching and text extraction still give the logical Unicode text from the embedded font.
 */
public final class PdfLeafletWriter {

    private static final float LEADING = 1.4f;
    private static final int QR_QUIET_ZONE_MODULES = 4;

    private final FontCatalog fonts;
    private final QrCodes qrCodes;
    private final ComplexScriptShaper shaper = new ComplexScriptShaper();

    public PdfLeafletWriter(FontCatalog fonts, QrCodes qrCodes) {
        this.fonts = fonts;
        this.qrCodes = qrCodes;
    }

    public PrintResult write(PrintContent content) {
        try (PDDocument document = new PDDocument()) {
            Page page = new Page(document, content.format(), Locale.forLanguageTag(content.languageTag()));
            document.getDocumentCatalog().setLanguage(content.languageTag());
            document.getDocumentInformation().setTitle(nfc(content.headline()));
            page.start(content.footer(), qrCodes.modules(content.qrUrl()));
            page.paragraph(nfc(content.headline()), content.format().headlineSize());
            for (String paragraph : nfc(content.text()).split("\\n\\s*\\n")) {
                if (!paragraph.isBlank()) {
                    page.paragraph(paragraph.strip(), content.format().textSize());
                }
            }
            page.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new PrintResult(out.toByteArray(), document.getNumberOfPages(), page.missing);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp PDF / cannot write the PDF", e);
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The page being filled; starts a new one (with footer and QR code) when the text reaches the footer. */
    private final class Page {
        private final PDDocument document;
        private final PrintFormat format;
        private final Locale locale;
        private final Map<FontFace, PDType0Font> loaded = new HashMap<>();
        private final Set<Integer> missing = new LinkedHashSet<>();
        private String footer;
        private BitMatrix qr;
        private PDPageContentStream stream;
        private float y;

        Page(PDDocument document, PrintFormat format, Locale locale) {
            this.document = document;
            this.format = format;
            this.locale = locale;
        }

        void start(String footer, BitMatrix qr) throws IOException {
            this.footer = nfc(footer);
            this.qr = qr;
            newPage();
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : text.split("\\n")) {
                for (String wrapped : wrap(line.strip(), size, textWidth())) {
                    float leading = size * LEADING;
                    if (y - leading < textBottom()) {
                        newPage();
                    }
                    y -= leading;
                    draw(wrapped, format.margin(), y, size);
                }
            }
            y -= format.textSize() * 0.6f;
        }

        void finish() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(format.page());
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = format.page().getHeight() - format.margin();
            drawFooter();
        }

        private void drawFooter() throws IOException {
            float qrSize = format.qrSize();
            float qrX = format.page().getWidth() - format.margin() - qrSize;
            float qrY = format.margin();
            drawQr(qrX, qrY, qrSize);
            float footerWidth = qrX - format.margin() - 12;
            float lineY = qrY + qrSize - format.footerSize() * LEADING;
            for (String line : wrap(footer, format.footerSize(), footerWidth)) {
                draw(line, format.margin(), lineY, format.footerSize());
                lineY -= format.footerSize() * LEADING;
            }
        }

        private void drawQr(float x, float y, float size) throws IOException {
            int modules = qr.getWidth() + 2 * QR_QUIET_ZONE_MODULES;
            float module = size / modules;
            stream.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < qr.getHeight(); row++) {
                for (int column = 0; column < qr.getWidth(); column++) {
                    if (qr.get(column, row)) {
                        stream.addRect(x + (column + QR_QUIET_ZONE_MODULES) * module,
                                y + size - (row + QR_QUIET_ZONE_MODULES + 1) * module, module, module);
                    }
                }
            }
            stream.fill();
        }

        private float textWidth() {
            return format.page().getWidth() - 2 * format.margin();
        }

        private float textBottom() {
            return format.margin() + format.qrSize() + 12;
        }

        private void draw(String line, float x, float baseline, float size) throws IOException {
            float cursor = x;
            for (TextRun run : TextRun.split(line, fonts, missing)) {
                PDType0Font font = font(run.face());
                float plainWidth = font.getStringWidth(run.text()) / 1000f * size;
                if (!run.face().needsShaping()) {
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(cursor, baseline);
                    stream.showText(run.text());
                    stream.endText();
                    cursor += plainWidth;
                    continue;
                }
                float shapedWidth = shaper.advance(run.face(), run.text(), size);
                fill(shaper.outline(run.face(), run.text(), size), cursor, baseline);
                // The same text, invisible and stretched over the shaped glyphs, for copy, search and screen readers.
                stream.saveGraphicsState();
                stream.beginText();
                stream.setRenderingMode(RenderingMode.NEITHER);
                stream.setFont(font, size);
                stream.setHorizontalScaling(plainWidth > 0 ? shapedWidth / plainWidth * 100 : 100);
                stream.newLineAtOffset(cursor, baseline);
                stream.showText(run.text());
                stream.endText();
                stream.restoreGraphicsState();
                cursor += shapedWidth;
            }
        }

        /** Fills glyph outlines given in AWT coordinates (y down) with their origin at (x, baseline). */
        private void fill(Shape outline, float x, float baseline) throws IOException {
            float[] c = new float[6];
            float currentX = 0;
            float currentY = 0;
            boolean any = false;
            for (PathIterator path = outline.getPathIterator(null); !path.isDone(); path.next()) {
                switch (path.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO -> {
                        stream.moveTo(x + c[0], baseline - c[1]);
                        currentX = c[0];
                        currentY = c[1];
                    }
                    case PathIterator.SEG_LINETO -> {
                        stream.lineTo(x + c[0], baseline - c[1]);
                        currentX = c[0];
                        currentY = c[1];
                    }
                    case PathIterator.SEG_QUADTO -> {
                        // PDF has only cubic curves: raise the quadratic's degree.
                        float c1x = currentX + 2f / 3f * (c[0] - currentX);
                        float c1y = currentY + 2f / 3f * (c[1] - currentY);
                        float c2x = c[2] + 2f / 3f * (c[0] - c[2]);
                        float c2y = c[3] + 2f / 3f * (c[1] - c[3]);
                        stream.curveTo(x + c1x, baseline - c1y, x + c2x, baseline - c2y, x + c[2], baseline - c[3]);
                        currentX = c[2];
                        currentY = c[3];
                    }
                    case PathIterator.SEG_CUBICTO -> {
                        stream.curveTo(x + c[0], baseline - c[1], x + c[2], baseline - c[3], x + c[4], baseline - c[5]);
                        currentX = c[4];
                        currentY = c[5];
                    }
                    case PathIterator.SEG_CLOSE -> stream.closePath();
                    default -> throw new IllegalStateException("Unknown path segment");
                }
                any = true;
            }
            if (any) {
                stream.fill();
            }
        }

        private float width(String text, float size) throws IOException {
            float width = 0;
            for (TextRun run : TextRun.split(text, fonts, new LinkedHashSet<>())) {
                width += run.face().needsShaping()
                        ? shaper.advance(run.face(), run.text(), size)
                        : font(run.face()).getStringWidth(run.text()) / 1000f * size;
            }
            return width;
        }

        /** Breaks at the language's line-break opportunities; a word wider than the line breaks between graphemes. */
        private List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String piece : BreakPoints.words(text, locale)) {
                if (width((line + piece).stripTrailing(), size) <= maxWidth) {
                    line.append(piece);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                if (width(piece.stripTrailing(), size) <= maxWidth) {
                    line.append(piece);
                } else {
                    line.append(breakLongWord(piece, size, maxWidth, lines));
                }
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        private String breakLongWord(String word, float size, float maxWidth, List<String> lines) throws IOException {
            StringBuilder line = new StringBuilder();
            for (String grapheme : BreakPoints.graphemes(word, locale)) {
                if (!line.isEmpty() && width(line + grapheme, size) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(grapheme);
            }
            return line.toString();
        }

        private PDType0Font font(FontFace face) throws IOException {
            PDType0Font font = loaded.get(face);
            if (font == null) {
                font = PDType0Font.load(document, face.file().toFile());
                loaded.put(face, font);
            }
            return font;
        }
    }
}
