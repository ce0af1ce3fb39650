package vn.bhxh.cms.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.bhxh.templates.print.FontCatalog;
import vn.bhxh.templates.print.FontFace;

/**
 * An A4 document of headings, paragraphs and bordered tables laid out with PDFBox, for printing reports. It uses the
 * print products' fonts (Noto Sans from Debian's fonts-noto-core, see {@link FontCatalog}), embedded as subsets, so
 * Vietnamese prints the same everywhere; a character the font lacks is left out rather than drawn as a box.
 */
final class PdfSheet implements AutoCloseable {

    private static final float MARGIN = 42;
    private static final float LEADING = 1.3f;
    private static final float PADDING = 3;
    static final float TEXT = 10;
    static final float HEADING = 12;
    static final float TITLE = 15;

    private final PDDocument document = new PDDocument();
    private final FontFace face;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream stream;
    private float y;

    PdfSheet(FontCatalog fonts, String title) {
        face = fonts.latin();
        try {
            regular = PDType0Font.load(document, face.file().toFile());
            Path boldFile = face.file().resolveSibling("NotoSans-Bold.ttf");
            bold = Files.isReadable(boldFile) ? PDType0Font.load(document, boldFile.toFile()) : regular;
            document.getDocumentInformation().setTitle(title);
            document.getDocumentCatalog().setLanguage("vi");
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(String text, float size, boolean strong) {
        paragraph(text, size, strong, false);
    }

    void centred(String text, float size, boolean strong) {
        paragraph(text, size, strong, true);
    }

    void space(float points) {
        y -= points;
    }

    /** A table with borders: the widths are shares of the text width; every cell wraps, a row never splits over pages. */
    void table(float[] widths, boolean[] numeric, List<String[]> rows, boolean header) {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (int r = 0; r < rows.size(); r++) {
            boolean strong = header && r == 0;
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> wrapped = wrap(rows.get(r)[c] == null ? "" : rows.get(r)[c], TEXT, widths[c] * width - 2 * PADDING,
                        strong ? bold : regular);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * TEXT * LEADING + 2 * PADDING;
            if (y - height < MARGIN) {
                newPage();
            }
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                float cellWidth = widths[c] * width;
                rect(x, y - height, cellWidth, height);
                float baseline = y - PADDING - TEXT;
                for (String text : cells.get(c)) {
                    float textX = numeric[c] ? x + cellWidth - PADDING - width(text, TEXT, strong ? bold : regular) : x + PADDING;
                    text(text, textX, baseline, TEXT, strong ? bold : regular);
                    baseline -= TEXT * LEADING;
                }
                x += cellWidth;
            }
            y -= height;
        }
    }

    byte[] finish() {
        try {
            stream.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void paragraph(String text, float size, boolean strong, boolean centred) {
        PDType0Font font = strong ? bold : regular;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (String source : printable(text).split("\n", -1)) {
            for (String line : wrap(source, size, width, font)) {
                if (y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                text(line, centred ? MARGIN + (width - width(line, size, font)) / 2 : MARGIN, y, size, font);
            }
        }
        y -= size * 0.4f;
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            stream.setLineWidth(0.5f);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rect(float x, float bottom, float width, float height) {
        try {
            stream.addRect(x, bottom, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String text, float x, float baseline, float size, PDType0Font font) {
        if (text.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NFC (the font has Vietnamese letters precomposed), without characters the font cannot draw. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (cp == '\n' || face.covers(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    private List<String> wrap(String text, float size, float width, PDType0Font font) {
        List<String> lines = new ArrayList<>();
        for (String source : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : source.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size, font) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, float size, PDType0Font font) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
