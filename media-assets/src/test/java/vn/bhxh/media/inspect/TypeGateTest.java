package vn.bhxh.media.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;

class TypeGateTest {

    @TempDir
    static Path dir;

    static Path wav;
    static Path mp3;
    static Path m4a;
    static Path ogg;
    static Path mp4;
    static Path webm;
    static Path png;
    static Path jpeg;
    static Path webp;
    static Path pdf;

    private final ContentTypeDetector detector = new ContentTypeDetector();
    private final TypeGate gate = new TypeGate();

    @BeforeAll
    static void makeFiles() throws Exception {
        wav = TestFiles.wav(dir.resolve("a.wav"), 1, 0.1, 8000);
        mp3 = TestFiles.mp3(dir.resolve("a.mp3"), 1);
        m4a = TestFiles.ffmpeg(dir.resolve("a.m4a"), "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac");
        ogg = TestFiles.ffmpeg(dir.resolve("a.ogg"), "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libvorbis");
        mp4 = TestFiles.ffmpeg(dir.resolve("a.mp4"), "-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=5",
                "-c:v", "libx264", "-pix_fmt", "yuv420p");
        webm = TestFiles.ffmpeg(dir.resolve("a.webm"), "-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=5", "-c:v", "libvpx");
        webp = TestFiles.ffmpeg(dir.resolve("a.webp"), "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1");
        png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(40, 20, Color.RED, Color.BLUE), "png");
        jpeg = TestFiles.image(dir.resolve("a.jpg"), TestFiles.halves(40, 20, Color.RED, Color.BLUE), "jpeg");
        pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
    }

    @Test
    void everyAcceptedFormatIsRecognisedFromItsBytes() throws Exception {
        assertThat(detector.detect(wav).format()).contains(FileFormat.WAV);
        assertThat(detector.detect(mp3).format()).contains(FileFormat.MP3);
        assertThat(detector.detect(m4a).format()).contains(FileFormat.M4A);
        assertThat(detector.detect(ogg).format()).contains(FileFormat.OGG);
        assertThat(detector.detect(mp4).format()).contains(FileFormat.MP4);
        assertThat(detector.detect(webm).format()).contains(FileFormat.WEBM);
        assertThat(detector.detect(png).format()).contains(FileFormat.PNG);
        assertThat(detector.detect(jpeg).format()).contains(FileFormat.JPEG);
        assertThat(detector.detect(webp).format()).contains(FileFormat.WEBP);
        assertThat(detector.detect(pdf).format()).contains(FileFormat.PDF);
    }

    @Test
    void eachProductTypeAcceptsExactlyItsFormats() throws Exception {
        assertThat(gate.check(MediaProfile.RADIO, detector.detect(mp3), "audio/mpeg", "Bản tin.mp3")).isEqualTo(FileFormat.MP3);
        assertThat(gate.check(MediaProfile.RADIO, detector.detect(ogg), null, "tin.ogg")).isEqualTo(FileFormat.OGG);
        assertThat(gate.check(MediaProfile.VIDEO, detector.detect(webm), "video/webm", "clip.webm")).isEqualTo(FileFormat.WEBM);
        assertThat(gate.check(MediaProfile.INFOGRAPHIC, detector.detect(webp), "image/webp", "x.webp")).isEqualTo(FileFormat.WEBP);
        assertThat(gate.check(MediaProfile.PRINT_MASTER, detector.detect(pdf), "application/pdf", "maket.pdf")).isEqualTo(FileFormat.PDF);

        assertRefused(() -> gate.check(MediaProfile.RADIO, detector.detect(png), null, null), RefusalCode.TYPE_NOT_ALLOWED);
        assertRefused(() -> gate.check(MediaProfile.VIDEO, detector.detect(mp3), null, null), RefusalCode.TYPE_NOT_ALLOWED);
        assertRefused(() -> gate.check(MediaProfile.PRINT_MASTER, detector.detect(webp), null, null), RefusalCode.TYPE_NOT_ALLOWED);
        assertRefused(() -> gate.check(MediaProfile.INFOGRAPHIC, detector.detect(mp4), null, null), RefusalCode.TYPE_NOT_ALLOWED);
    }

    @Test
    void aDeclaredTypeOrExtensionThatDisagreesWithTheContentIsRefusedWithTheReason() throws Exception {
        MediaRefusal refusal = assertRefused(() -> gate.check(MediaProfile.INFOGRAPHIC, detector.detect(png), "image/jpeg", "a.png"),
                RefusalCode.DECLARED_TYPE_MISMATCH);
        assertThat(refusal.reason().text()).isEqualTo("Loại tệp khai báo (image/jpeg) không khớp với nội dung thật (image/png).");
        assertThat(refusal.reason().text(Locale.ENGLISH)).isEqualTo("The declared type (image/jpeg) does not match the content (image/png).");
        assertThat(refusal.code().httpStatus()).isEqualTo(415);

        assertRefused(() -> gate.check(MediaProfile.INFOGRAPHIC, detector.detect(png), null, "poster.jpg"), RefusalCode.EXTENSION_MISMATCH);
        assertRefused(() -> gate.check(MediaProfile.RADIO, detector.detect(wav), null, "tin.mp3"), RefusalCode.EXTENSION_MISMATCH);
        assertRefused(() -> gate.check(MediaProfile.RADIO, detector.detect(mp3), null, "tin.exe"), RefusalCode.EXTENSION_MISMATCH);
        // What clients send when they do not know, and common aliases, claim nothing wrong.
        assertThat(gate.check(MediaProfile.INFOGRAPHIC, detector.detect(png), "application/octet-stream", "a.PNG")).isEqualTo(FileFormat.PNG);
        assertThat(gate.check(MediaProfile.RADIO, detector.detect(wav), "audio/x-wav", "a")).isEqualTo(FileFormat.WAV);
        assertThat(gate.check(MediaProfile.INFOGRAPHIC, detector.detect(jpeg), "image/jpg", "ảnh.jpeg")).isEqualTo(FileFormat.JPEG);
    }

    @Test
    void htmlDisguisedAsAnImageAndSvgWithScriptAreRefusedAsActiveContent() throws Exception {
        Path html = TestFiles.text(dir.resolve("photo.png"), TestFiles.HTML_PAGE);
        assertThat(detector.detect(html).mediaType()).isEqualTo("text/html");
        assertRefused(() -> gate.check(MediaProfile.INFOGRAPHIC, detector.detect(html), "image/png", "photo.png"), RefusalCode.ACTIVE_CONTENT);

        Path svg = TestFiles.text(dir.resolve("logo.png"), TestFiles.SVG_WITH_SCRIPT);
        MediaRefusal refusal = assertRefused(() -> gate.check(MediaProfile.INFOGRAPHIC, detector.detect(svg), "image/png", "logo.png"),
                RefusalCode.ACTIVE_CONTENT);
        assertThat(refusal.reason().text()).contains("image/svg+xml");
    }

    @Test
    void aZipBombIsRefusedByTypeWithoutBeingExpanded() throws Exception {
        Path bomb = TestFiles.zipBomb(dir.resolve("bomb.pdf"), 200L * 1024 * 1024);
        long before = usedHeap();
        ContentTypeDetector.Detection detection = detector.detect(bomb);
        assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
        assertThat(detection.format()).isEmpty();
        assertRefused(() -> gate.check(MediaProfile.PRINT_MASTER, detection, "application/pdf", "bomb.pdf"), RefusalCode.UNKNOWN_TYPE);
    }

    @Test
    void aTruncatedFileIsStillKnownByItsMagicAndAnEmptyFileIsNot() throws Exception {
        Path cut = TestFiles.truncated(pdf, dir.resolve("cut.pdf"), 200);
        assertThat(detector.detect(cut).format()).contains(FileFormat.PDF);
        Path empty = TestFiles.text(dir.resolve("empty.pdf"), "");
        assertRefused(() -> gate.check(MediaProfile.PRINT_MASTER, detector.detect(empty), null, "empty.pdf"), RefusalCode.UNKNOWN_TYPE);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static MediaRefusal assertRefused(ThrowingCallable call, RefusalCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(MediaRefusal.class);
        MediaRefusal refusal = (MediaRefusal) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        return refusal;
    }
}
