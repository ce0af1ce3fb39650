package vn.bhxh.cms.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** A real small one-page A4 PDF, made with PDFBox (the media module's own library). */
final class TestPdf {

    private TestPdf() {
    }

    static Path write(Path file, String text) throws IOException {
        Files.write(file, bytes(text, false));
        return file;
    }

    /** The PDF's bytes; with {@code openAction}, it runs a script when opened (what an inline PDF must never do). */
    static byte[] bytes(String text, boolean openAction) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 24);
                content.newLineAtOffset(60, 760);
                content.showText(text);
                content.endText();
                content.addRect(60, 400, 470, 300);
                content.stroke();
            }
            if (openAction) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('BHXH');"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
