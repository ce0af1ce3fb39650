package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.bhxh.media.process.WorkerLoop;

/**
 * Runs in a worker JVM of {@link ForkedPdfFirstPage}'s pool: renders the first page of one PDF per
 * request and answers with it as PNG bytes.
 */
public final class PdfPageWorker implements WorkerLoop.Job {

    private final InProcessPdfFirstPage renderer = new InProcessPdfFirstPage();

    public static void main(String[] args) throws Exception {
        WorkerLoop.serve(new PdfPageWorker());
    }

    /** The request: the PDF's path and the longest side of the page image in pixels. */
    static byte[] request(Path pdf, int longestSide) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(pdf.toAbsolutePath().toString());
            out.writeInt(longestSide);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void warmUp() throws Exception {
        Path sample = Files.createTempFile("pdf-warm-up-", ".pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(sample.toFile());
            png(renderer.render(sample, 160));
        } finally {
            Files.deleteIfExists(sample);
        }
    }

    @Override
    public byte[] run(byte[] request) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(request));
        Path pdf = Path.of(in.readUTF());
        int longestSide = in.readInt();
        return png(renderer.render(pdf, longestSide));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IllegalStateException("no PNG writer");
        }
        return png.toByteArray();
    }

    @Override
    public String describe(Throwable failure) {
        String message = failure instanceof DerivationFailure derivation
                ? derivation.reason().text(Locale.ENGLISH) : String.valueOf(failure);
        return message.lines().findFirst().orElse("");
    }
}
