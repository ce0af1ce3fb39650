package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import vn.bhxh.media.MediaWorkers;
import vn.bhxh.media.process.WorkerFailure;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;

/**
 * Renders in a child JVM with its own heap limit and a deadline: a PDF with a gigantic embedded image
 * or a content stream that never ends costs a worker process (killed and replaced), not the
 * application. The workers are kept warm in a {@link WorkerPool}.
 */
public final class ForkedPdfFirstPage implements PdfFirstPage, AutoCloseable {

    /** A page image is at most a few megabytes of PNG at the sizes we render. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final Duration timeout;
    private final int heapMegabytes;
    private final WorkerPool workers;

    public ForkedPdfFirstPage(WorkerLaunch launch, Duration timeout, int heapMegabytes) {
        this(launch, timeout, heapMegabytes, WorkerPool.Settings.defaults());
    }

    public ForkedPdfFirstPage(WorkerLaunch launch, Duration timeout, int heapMegabytes, WorkerPool.Settings pool) {
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
        this.workers = new WorkerPool(launch, PdfPageWorker.class, heapMegabytes, pool);
    }

    public static ForkedPdfFirstPage defaults() {
        return new ForkedPdfFirstPage(WorkerLaunch.ofCurrentJvm(), MediaWorkers.PDF_PAGE_TIMEOUT, MediaWorkers.PDF_PAGE_HEAP_MEGABYTES);
    }

    @Override
    public BufferedImage render(Path pdf, int longestSide) throws DerivationFailure {
        byte[] png;
        try {
            png = workers.call(PdfPageWorker.request(pdf, longestSide), timeout, MAX_ANSWER_BYTES);
        } catch (WorkerFailure failure) {
            throw new DerivationFailure(switch (failure.kind()) {
                case JOB_FAILED, CRASHED -> failure.detail();
                case TIMED_OUT -> "timed out after " + timeout.toMillis() / 1000.0 + " s";
                case OUT_OF_MEMORY -> "out of memory (" + heapMegabytes + " MB)";
            }, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DerivationFailure("interrupted", e);
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new DerivationFailure("no image rendered", null);
            }
            return image;
        } catch (IOException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        }
    }

    /** The pool's workers, for tests that check reuse and replacement. */
    WorkerPool workers() {
        return workers;
    }

    @Override
    public void close() {
        workers.close();
    }
}
