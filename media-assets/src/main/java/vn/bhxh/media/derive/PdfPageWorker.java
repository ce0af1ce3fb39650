package vn.bhxh.media.derive;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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
     * The pixels are read straight from the image's int array: per-pixel getRGB/setRGB through the colour model
     * cost more than the render itself (this worker runs with the quick C1 compiler only).
     */
    static byte[] pixels(BufferedImage image) {
        BufferedImage rgb = asIntRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] source = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        byte[] bytes = new byte[8 + 3 * source.length];
        ByteBuffer.wrap(bytes).putInt(width).putInt(height);
        int at = 8;
        for (int pixel : source) {
            bytes[at++] = (byte) (pixel >> 16);
            bytes[at++] = (byte) (pixel >> 8);
            bytes[at++] = (byte) pixel;
        }
        return bytes;
    }

    static BufferedImage image(byte[] pixels) {
        ByteBuffer header = ByteBuffer.wrap(pixels);
        int width = header.getInt();
        int height = header.getInt();
        if (width <= 0 || height <= 0 || pixels.length - 8L != 3L * width * height) {
            throw new IllegalArgumentException("not a page image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int at = 8;
        for (int i = 0; i < target.length; i++) {
            target[i] = (pixels[at] & 0xff) << 16 | (pixels[at + 1] & 0xff) << 8 | (pixels[at + 2] & 0xff);
            at += 3;
        }
        return image;
    }

    /** PDFBox renders {@code ImageType.RGB} as TYPE_INT_RGB with one int per pixel; anything else is converted once. */
    private static BufferedImage asIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1
                && buffer.getData().length == image.getWidth() * image.getHeight()) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    @Override
    public String describe(Throwable failure) {
        String message = failure instanceof DerivationFailure derivation
                ? derivation.reason().text(Locale.ENGLISH) : String.valueOf(failure);
        return message.lines().findFirst().orElse("");
    }
}
