package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import vn.bhxh.media.process.ExternalProcess;
import vn.bhxh.media.process.WorkerLaunch;

/**
 * Renders in a child JVM with its own heap limit and a deadline: a PDF with a gigantic embedded image
 * or a content stream that never ends costs a short-lived process, not the application.
 */
public final class ForkedPdfFirstPage implements PdfFirstPage {

    private final WorkerLaunch launch;
    private final Duration timeout;
    private final int heapMegabytes;

    public ForkedPdfFirstPage(WorkerLaunch launch, Duration timeout, int heapMegabytes) {
        this.launch = launch;
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
    }

    /** 30 s and 384 MB: a 300-page print master's first page takes about a second and 100 MB. */
    public static ForkedPdfFirstPage defaults() {
        return new ForkedPdfFirstPage(WorkerLaunch.ofCurrentJvm(), Duration.ofSeconds(30), 384);
    }

    @Override
    public BufferedImage render(Path pdf, int longestSide) throws DerivationFailure {
        Path png = null;
        try {
            png = Files.createTempFile("pdf-page-", ".png");
            ExternalProcess.Result result = ExternalProcess.run(launch.command(heapMegabytes, PdfPageWorker.class,
                    pdf.toAbsolutePath().toString(), Integer.toString(longestSide), png.toString()), timeout, 64 * 1024);
            if (result.exitCode() == WorkerLaunch.OUT_OF_MEMORY_EXIT) {
                throw new DerivationFailure("out of memory (" + heapMegabytes + " MB)", null);
            }
            if (result.exitCode() != 0) {
                String reason = new String(result.stdout(), StandardCharsets.UTF_8).strip();
                throw new DerivationFailure(reason.isEmpty() ? "exit code " + result.exitCode() : reason, null);
            }
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new DerivationFailure("no image rendered", null);
            }
            return image;
        } catch (ExternalProcess.TimedOut e) {
            throw new DerivationFailure("timed out after " + timeout.toMillis() / 1000.0 + " s", e);
        } catch (IOException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DerivationFailure("interrupted", e);
        } finally {
            if (png != null) {
                try {
                    Files.deleteIfExists(png);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
