package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDFBox in this JVM. The output size is fixed whatever the page claims, but what a page contains
 * (a huge embedded image, an endless content stream) is not bounded here: use it only inside a
 * worker process ({@link ForkedPdfFirstPage}).
 */
public final class InProcessPdfFirstPage implements PdfFirstPage {

    @Override
    public BufferedImage render(Path pdf, int longestSide) throws DerivationFailure {
        // Streams are cached in temporary files, not on the heap.
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() == 0) {
                throw new DerivationFailure("PDF without pages", null);
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longest = Math.max(Math.abs(box.getWidth()), Math.abs(box.getHeight()));
            if (!(longest > 0)) {
                throw new DerivationFailure("empty page", null);
            }
            return new PDFRenderer(document).renderImage(0, longestSide / longest, ImageType.RGB);
        } catch (IOException | RuntimeException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        }
    }
}
