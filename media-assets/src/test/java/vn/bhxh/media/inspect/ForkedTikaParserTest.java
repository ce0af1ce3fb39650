package vn.bhxh.media.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;
import vn.bhxh.media.process.WorkerProcesses;

class ForkedTikaParserTest {

    @TempDir
    Path dir;

    private static ForkedTikaParser parser(Duration timeout, WorkerPool.Settings pool) {
        return new ForkedTikaParser(new ParseLimits(timeout, 256, 10_000), WorkerLaunch.ofCurrentJvm(), pool);
    }

    /** A parse running on another thread; its failure is the cause of the future's. */
    private static CompletableFuture<ParsedContent> parsing(ForkedTikaParser parser, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return parser.parse(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long onlyWorker(ForkedTikaParser parser) {
        assertThat(parser.workers().workerPids()).hasSize(1);
        return parser.workers().workerPids().getFirst();
    }

    @Test
    void manySmallFilesAreParsedByOneWarmWorker() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 2, PDRectangle.A5);
        Path png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(64, 32, Color.RED, Color.BLUE), "png");
        try (ForkedTikaParser parser = parser(Duration.ofSeconds(60), WorkerPool.Settings.defaults())) {
            parser.parse(pdf);
            long worker = onlyWorker(parser);
            for (int i = 0; i < 20; i++) {
                ParsedContent document = parser.parse(pdf);
                assertThat(document.number("xmpTPg:NPages")).contains(2.0);
                assertThat(document.text()).contains(TestFiles.VIETNAMESE_TEXT + " – trang 2");
                assertThat(parser.parse(png).number("tiff:ImageWidth")).contains(64.0);
            }
            assertThat(onlyWorker(parser)).isEqualTo(worker);
        }
    }

    @Test
    void aParseThatRunsPastItsTimeLimitKillsItsWorkerAndTheNextFileGetsAFreshOne() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));
        try (ForkedTikaParser parser = parser(Duration.ofSeconds(3), WorkerPool.Settings.defaults())) {
            parser.parse(pdf);
            long first = onlyWorker(parser);

            assertThatThrownBy(() -> parser.parse(endless)).isInstanceOfSatisfying(InspectionFailure.class,
                    failure -> assertThat(failure.reason().key()).isEqualTo("inspection.timeout"));
            assertThat(WorkerProcesses.running(first)).isFalse();

            assertThat(parser.parse(pdf).text()).contains(TestFiles.VIETNAMESE_TEXT);
            assertThat(onlyWorker(parser)).isNotEqualTo(first);
        }
    }

    @Test
    void aWorkerKilledFromOutsideIsReplacedAndTheFileItWasParsingIsRefusedCleanly() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));
        try (ForkedTikaParser parser = parser(Duration.ofSeconds(60), WorkerPool.Settings.defaults())) {
            parser.parse(pdf);
            long idle = onlyWorker(parser);
            WorkerProcesses.killFromOutside(idle);
            assertThat(parser.parse(pdf).text()).contains(TestFiles.VIETNAMESE_TEXT);
            long busy = onlyWorker(parser);
            assertThat(busy).isNotEqualTo(idle);

            CompletableFuture<ParsedContent> hanging = parsing(parser, endless);
            Thread.sleep(1000);
            WorkerProcesses.killFromOutside(busy);
            assertThat(hanging).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingRootCause().isInstanceOfSatisfying(InspectionFailure.class,
                            failure -> assertThat(failure.reason().key()).isEqualTo("inspection.worker-error"));
            assertThat(parser.parse(pdf).text()).contains(TestFiles.VIETNAMESE_TEXT);
        }
    }

    @Test
    void aWorkerIsReplacedAfterTheConfiguredNumberOfRequests() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        try (ForkedTikaParser parser = parser(Duration.ofSeconds(60), new WorkerPool.Settings(1, 3, Duration.ofSeconds(60)))) {
            parser.parse(pdf);
            long first = onlyWorker(parser);
            parser.parse(pdf);
            assertThat(onlyWorker(parser)).isEqualTo(first);
            parser.parse(pdf);
            assertThat(parser.workers().workerPids()).isEmpty();
            assertThat(WorkerProcesses.running(first)).isFalse();
            parser.parse(pdf);
            assertThat(onlyWorker(parser)).isNotEqualTo(first);
        }
    }

    @Test
    void closingEndsEveryWorkerEvenOneInTheMiddleOfAParse() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));
        ForkedTikaParser parser = parser(Duration.ofSeconds(60), WorkerPool.Settings.defaults());
        CompletableFuture<ParsedContent> hanging = parsing(parser, endless);
        while (parser.workers().workerPids().isEmpty()) {
            Thread.sleep(50);
        }
        parser.parse(pdf);
        List<Long> workers = parser.workers().workerPids();
        assertThat(workers).hasSize(2);
        assertThat(WorkerProcesses.children()).containsAll(workers);

        parser.close();

        assertThat(hanging).failsWithin(Duration.ofSeconds(30));
        for (long worker : workers) {
            assertThat(WorkerProcesses.running(worker)).isFalse();
        }
        assertThat(WorkerProcesses.children()).doesNotContainAnyElementsOf(workers);
    }
}
