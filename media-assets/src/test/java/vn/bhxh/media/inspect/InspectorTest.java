package vn.bhxh.media.inspect;

import vn.bhxh.media.process.WorkerLaunch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;

class InspectorTest {

    @TempDir
    Path dir;

    private static final ForkedTikaParser TIKA = new ForkedTikaParser(ParseLimits.defaults(), WorkerLaunch.ofCurrentJvm());
    private final Inspector inspector = new Inspector(TIKA, Ffmpeg.onPath(), MediaPolicy.defaults());

    @Test
    void aRadioFileOfThreeToFiveMinutesAtBroadcastLoudnessPassesWithItsFacts() throws Exception {
        // A 1 kHz sine at −20 dBFS peak measures about −23 LUFS (EBU R128), true peak −20 dBTP.
        Path wav = TestFiles.wav(dir.resolve("tin.wav"), 180, 0.1, 8000);

        Inspection inspection = inspector.inspect(wav, FileFormat.WAV, MediaProfile.RADIO);

        assertThat(inspection.status()).as(inspection.warnings().toString()).isEqualTo(InspectionStatus.PASSED);
        MediaMetadata metadata = inspection.metadata();
        assertThat(metadata.duration()).contains(Duration.ofSeconds(180));
        assertThat(metadata.channels()).contains(1);
        assertThat(metadata.sampleRateHz()).contains(8000);
        assertThat(metadata.loudness()).hasValueSatisfying(loudness -> {
            assertThat(loudness.integratedLufs()).isCloseTo(-23.0, within(1.0));
            assertThat(loudness.truePeakDbtp()).isCloseTo(-20.0, within(0.5));
        });
    }

    @Test
    void theThreeToFiveMinuteWindowIsInclusiveAndWarnsJustOutsideIt() throws Exception {
        assertThat(durationWarning(179)).isTrue();
        assertThat(durationWarning(180)).isFalse();
        assertThat(durationWarning(300)).isFalse();
        assertThat(durationWarning(301)).isTrue();
    }

    private boolean durationWarning(int seconds) throws Exception {
        Path wav = TestFiles.wav(dir.resolve(seconds + ".wav"), seconds, 0.1, 8000);
        Inspection inspection = inspector.inspect(wav, FileFormat.WAV, MediaProfile.RADIO);
        assertThat(inspection.status()).as(String.valueOf(inspection.failure())).isNotEqualTo(InspectionStatus.FAILED);
        return inspection.hasWarning("warning.duration-outside");
    }

    @Test
    void theHardDurationLimitRefusesJustPastItAndIsConfigurable() throws Exception {
        MediaPolicy shortLimits = new MediaPolicy(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4),
                -24, -16, -1, 1_000_000);
        Inspector strict = new Inspector(TIKA, Ffmpeg.onPath(), shortLimits);
        Path atLimit = TestFiles.wav(dir.resolve("4s.wav"), 4, 0.1, 8000);
        Path overLimit = TestFiles.wav(dir.resolve("4.1s.wav"), 4.1, 0.1, 8000);

        Inspection inspection = strict.inspect(atLimit, FileFormat.WAV, MediaProfile.RADIO);
        assertThat(inspection.hasWarning("warning.duration-outside")).isTrue();
        assertThat(inspection.warnings().getFirst().text()).isEqualTo("Thời lượng 0:04 nằm ngoài khoảng khuyến nghị 0:02–0:03.");

        assertThatThrownBy(() -> strict.inspect(overLimit, FileFormat.WAV, MediaProfile.RADIO))
                .isInstanceOfSatisfying(MediaRefusal.class, refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.TOO_LONG));
    }

    @Test
    void aLoudClippingRadioFileGetsLoudnessAndTruePeakWarnings() throws Exception {
        Path mp3 = TestFiles.ffmpeg(dir.resolve("loud.mp3"), "-f", "lavfi", "-i",
                "sine=frequency=1000:sample_rate=44100:duration=200", "-af", "volume=20dB", "-b:a", "64k");

        Inspection inspection = inspector.inspect(mp3, FileFormat.MP3, MediaProfile.RADIO);

        assertThat(inspection.status()).isEqualTo(InspectionStatus.PASSED_WITH_WARNINGS);
        // Tika's MP3 parser gives the duration in seconds.
        assertThat(inspection.metadata().duration()).hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(199_000L, 201_000L));
        assertThat(inspection.metadata().loudness().orElseThrow().integratedLufs()).isGreaterThan(-16);
        assertThat(inspection.hasWarning("warning.loudness-outside")).isTrue();
        assertThat(inspection.hasWarning("warning.true-peak-above")).isTrue();
        assertThat(inspection.hasWarning("warning.duration-outside")).isFalse();
    }

    @Test
    void videosGetTheirDurationFromFormatsTikaCannotTimeToo() throws Exception {
        Path webm = TestFiles.ffmpeg(dir.resolve("clip.webm"), "-f", "lavfi", "-i", "testsrc=duration=12:size=64x48:rate=5",
                "-c:v", "libvpx");
        Inspection inspection = inspector.inspect(webm, FileFormat.WEBM, MediaProfile.VIDEO);
        assertThat(inspection.metadata().duration()).hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(11_500L, 12_500L));
        assertThat(inspection.hasWarning("warning.duration-outside")).isTrue();
        assertThat(inspection.metadata().loudness()).isEmpty();
    }

    @Test
    void pdfsReportTheirPageCountAndVietnameseText() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("to-roi.pdf"), 3, PDRectangle.A4);
        Inspection inspection = inspector.inspect(pdf, FileFormat.PDF, MediaProfile.PRINT_MASTER);
        assertThat(inspection.status()).isEqualTo(InspectionStatus.PASSED);
        assertThat(inspection.metadata().pageCount()).contains(3);
        assertThat(inspection.metadata().text()).hasValueSatisfying(text -> assertThat(text)
                .contains(TestFiles.VIETNAMESE_TEXT + " – trang 3"));
        assertThat(inspection.metadata().textTruncated()).isFalse();
    }

    @Test
    void documentTextIsCutAtTheConfiguredLimitAndSaysSo() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("long.pdf"), 2, PDRectangle.A4);
        try (ForkedTikaParser limited = new ForkedTikaParser(new ParseLimits(Duration.ofSeconds(60), 256, 20),
                WorkerLaunch.ofCurrentJvm())) {
            Inspection inspection = new Inspector(limited, Ffmpeg.onPath(), MediaPolicy.defaults())
                    .inspect(pdf, FileFormat.PDF, MediaProfile.PRINT_MASTER);
            assertThat(inspection.metadata().textTruncated()).isTrue();
            assertThat(inspection.metadata().text().orElseThrow().length()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void imagesReportTheirDimensions() throws Exception {
        Path png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(321, 123, Color.RED, Color.BLUE), "png");
        Inspection inspection = inspector.inspect(png, FileFormat.PNG, MediaProfile.INFOGRAPHIC);
        assertThat(inspection.metadata().width()).contains(321);
        assertThat(inspection.metadata().height()).contains(123);
    }

    @Test
    void truncatedAndGarbageFilesEndAsFailedInspectionsWithAReason() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("whole.pdf"), 1, PDRectangle.A4);
        Path cut = TestFiles.truncated(pdf, dir.resolve("cut.pdf"), 300);
        Inspection broken = inspector.inspect(cut, FileFormat.PDF, MediaProfile.PRINT_MASTER);
        assertThat(broken.status()).isEqualTo(InspectionStatus.FAILED);
        assertThat(broken.failure().orElseThrow().text()).startsWith("Không đọc được tệp: ");

        byte[] garbage = new byte[50_000];
        new Random(7).nextBytes(garbage);
        System.arraycopy("ID3".getBytes(), 0, garbage, 0, 3);
        Path fakeMp3 = Files.write(dir.resolve("fake.mp3"), garbage);
        Inspection fake = inspector.inspect(fakeMp3, FileFormat.MP3, MediaProfile.RADIO);
        assertThat(fake.status()).isEqualTo(InspectionStatus.FAILED);
        assertThat(fake.failure()).isPresent();
    }

    @Test
    void aParseOverItsTimeOrMemoryLimitFailsInsteadOfHangingOrCrashing() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));

        try (ForkedTikaParser slow = new ForkedTikaParser(new ParseLimits(Duration.ofMillis(200), 256, 1000),
                WorkerLaunch.ofCurrentJvm())) {
            slow.workers().startWorkers();
            long start = System.nanoTime();
            Inspection timedOut = new Inspector(slow, Ffmpeg.onPath(), MediaPolicy.defaults()).inspect(endless, FileFormat.PDF, MediaProfile.PRINT_MASTER);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(timedOut.status()).isEqualTo(InspectionStatus.FAILED);
            assertThat(timedOut.failure().orElseThrow().key()).isEqualTo("inspection.timeout");
        }

        try (ForkedTikaParser starved = new ForkedTikaParser(new ParseLimits(Duration.ofSeconds(60), 8, 1000),
                WorkerLaunch.ofCurrentJvm())) {
            Inspection outOfMemory = new Inspector(starved, Ffmpeg.onPath(), MediaPolicy.defaults()).inspect(pdf, FileFormat.PDF, MediaProfile.PRINT_MASTER);
            assertThat(outOfMemory.status()).isEqualTo(InspectionStatus.FAILED);
            assertThat(outOfMemory.failure().orElseThrow().key()).isEqualTo("inspection.out-of-memory");
        }
    }

    @Test
    void withoutFfmpegTheRadioFileIsStillInspectedAndTheReviewerIsTold() throws Exception {
        Path mp3 = TestFiles.mp3(dir.resolve("tin.mp3"), 200);
        Ffmpeg missing = new Ffmpeg(dir.resolve("no-ffmpeg").toString(), dir.resolve("no-ffprobe").toString(), Duration.ofSeconds(5));
        Inspection inspection = new Inspector(TIKA, missing, MediaPolicy.defaults()).inspect(mp3, FileFormat.MP3, MediaProfile.RADIO);
        assertThat(inspection.status()).isEqualTo(InspectionStatus.PASSED_WITH_WARNINGS);
        assertThat(inspection.hasWarning("inspection.tool-missing")).isTrue();
        assertThat(inspection.metadata().duration()).isPresent();
        assertThat(inspection.metadata().loudness()).isEmpty();
    }
}
