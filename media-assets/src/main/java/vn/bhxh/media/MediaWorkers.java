package vn.bhxh.media;

import java.time.Duration;
import vn.bhxh.media.derive.ForkedPdfFirstPage;
import vn.bhxh.media.inspect.ForkedTikaParser;
import vn.bhxh.media.inspect.ParseLimits;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;

/** The worker JVMs that read untrusted files: Tika parses and PDF page renders, each its own pool; closing ends them all. */
public record MediaWorkers(ForkedTikaParser tika, ForkedPdfFirstPage pdfPages) implements AutoCloseable {

    /** 30 s and 384 MB: a 300-page print master's first page takes about a second and 100 MB. */
    public static final Duration PDF_PAGE_TIMEOUT = Duration.ofSeconds(30);
    public static final int PDF_PAGE_HEAP_MEGABYTES = 384;

    /** Pools with the given settings; no JVM starts before the first file needs one. */
    public static MediaWorkers create(ParseLimits parseLimits, WorkerLaunch launch, WorkerPool.Settings pool) {
        return new MediaWorkers(new ForkedTikaParser(parseLimits, launch, pool),
                new ForkedPdfFirstPage(launch, PDF_PAGE_TIMEOUT, PDF_PAGE_HEAP_MEGABYTES, pool));
    }

    @Override
    public void close() {
        tika.close();
        pdfPages.close();
    }
}
