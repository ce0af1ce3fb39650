package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.bhxh.media.process.FileRequest;
import vn.bhxh.media.process.WorkerLoop;

/**
 * Runs in a worker JVM of {@link ForkedPdfFirstPage}'s pool: renders the first page of one PDF per
 * request and answers with its pixels.
 */
public final class PdfPageWorker implements WorkerLoop.Job {

    private final InProcessPdfFirstPage renderer = new InProcessPdfFirstPage();

    public static void main(String[] args) throws Exception {
        WorkerLoop.serve(new PdfPageWorker(), args);
    }

    @Override
    public void warmUp() throws Exception {
        Path sample = Files.createTempFile("pdf-warm-up-", ".pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(sample.toFile());
            pixels(renderer.render(sample, 160));
        } finally {
            Files.deleteIfExists(sample);
        }
    }

    @Override
    public byte[] run(byte[] request) throws Exception {
        FileRequest page = FileRequest.of(request);
        return pixels(renderer.render(page.file(), page.bound()));
    }

    /**
     * The page as raw pixels (width, height, then red, green, blue per pixel): encoding a PNG here and
     * decoding it in the application cost more than the render of a small page; a pipe carries a few MB at once.
     */
    static byte[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer bytes = ByteBuffer.allocate(8 + 3 * width * height);
        bytes.putInt(width).putInt(height);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                bytes.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
            }
        }
        return bytes.array();
    }

    static BufferedImage image(byte[] pixels) {
        ByteBuffer bytes = ByteBuffer.wrap(pixels);
        int width = bytes.getInt();
        int height = bytes.getInt();
        if (width <= 0 || height <= 0 || bytes.remaining() != 3L * width * height) {
            throw new IllegalArgumentException("not a page image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (bytes.get() & 0xff) << 16 | (bytes.get() & 0xff) << 8 | (bytes.get() & 0xff);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    @Override
    public String describe(Throwable failure) {
        String message = failure instanceof DerivationFailure derivation
                ? derivation.reason().text(Locale.ENGLISH) : String.valueOf(failure);
        return message.lines().findFirst().orElse("");
    }
}
