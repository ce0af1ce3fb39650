package vn.bhxh.templates.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF's text back with PDFBox, as a reader's copy-paste or a screen reader would get it. */
public final class PdfText {

    private PdfText() {
    }

    public static String extract(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
