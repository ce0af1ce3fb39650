package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import vn.bhxh.media.MediaWorkers;
import vn.bhxh.media.process.FileRequest;
import vn.bhxh.media.process.WorkerFailure;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;

/**
 * Renders in a child JVM with its own heap limit and a deadline: a PDF with a gigantic embedded image
 * or a content stream that never ends costs a worker process (killed and replaced), not the
 * application. The workers are kept warm in a {@link WorkerPool}.
 */
public final class ForkedPdfFirstPage implements PdfFirstPage, AutoCloseable {

    /** Raw pixels, 3 bytes each: room for 4600×4600, well above the largest rendition. */
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
        byte[] pixels;
        try {
            pixels = workers.call(new FileRequest(pdf, longestSide).bytes(), timeout, MAX_ANSWER_BYTES);
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
            return PdfPageWorker.image(pixels);
        } catch (RuntimeException e) {
            throw new DerivationFailure("no image rendered", e);
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
