package vn.bhxh.media.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerProcesses;

class ForkedPdfFirstPageTest {

    @TempDir
    Path dir;

    @Test
    void firstPagesAreRenderedByOneWarmWorkerUntilOneRunsPastItsTimeLimit() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 2, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));
        try (ForkedPdfFirstPage pages = new ForkedPdfFirstPage(WorkerLaunch.ofCurrentJvm(), Duration.ofSeconds(5), 256)) {
            pages.render(pdf, 160);
            assertThat(pages.workers().workerPids()).hasSize(1);
            long worker = pages.workers().workerPids().getFirst();
            for (int i = 0; i < 10; i++) {
                assertThat(pages.render(pdf, 160).getHeight()).isEqualTo(160);
            }
            assertThat(pages.workers().workerPids()).containsExactly(worker);

            assertThatThrownBy(() -> pages.render(endless, 160)).isInstanceOfSatisfying(DerivationFailure.class,
                    failure -> assertThat(failure.getMessage()).contains("timed out after 5.0 s"));
            assertThat(WorkerProcesses.running(worker)).isFalse();

            assertThat(pages.render(pdf, 480).getHeight()).isEqualTo(480);
            assertThat(pages.workers().workerPids()).hasSize(1).doesNotContain(worker);
        }
    }
}
