package vn.bhxh.media.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.inspect.InspectionStatus;
import vn.bhxh.media.inspect.SizeLimits;

class IngestorTest {

    @TempDir
    Path dir;

    private MediaServices media;

    @BeforeEach
    void setUp() throws IOException {
        media = MediaServices.create(dir.resolve("store"), SizeLimits.defaults());
    }

    @AfterEach
    void endWorkers() {
        media.close();
    }

    @Test
    void aRadioFileIsStoredWithItsInspection() throws Exception {
        Path wav = TestFiles.wav(dir.resolve("in.wav"), 180, 0.1, 8000);
        IngestedFile file = ingest(MediaProfile.RADIO, "audio/wav", "Bản tin BHXH tự nguyện.wav", wav);
        assertThat(file.format()).isEqualTo(FileFormat.WAV);
        assertThat(file.originalFileName()).isEqualTo("Bản tin BHXH tự nguyện.wav");
        assertThat(file.inspection().status()).isEqualTo(InspectionStatus.PASSED);
        assertThat(media.store().find(file.blob().id())).isPresent();
        assertThat(file.thumbnails()).isEmpty();
    }

    @Test
    void aPhotoIsStoredWithItsPreviews() throws Exception {
        Path jpeg = TestFiles.jpegWithExif(dir.resolve("in.jpg"), TestFiles.halves(800, 600, Color.RED, Color.BLUE), 6);
        IngestedFile file = ingest(MediaProfile.INFOGRAPHIC, "image/jpeg", "ảnh.jpg", jpeg);
        assertThat(file.inspection().metadata().width()).contains(800);
        assertThat(file.thumbnails()).containsOnlyKeys(ThumbnailSize.values());
        assertThat(media.derivatives().thumbnail(file.blob().id(), ThumbnailSize.SMALL)).contains(file.thumbnails().get(ThumbnailSize.SMALL));
    }

    @Test
    void aBrokenPdfIsStoredAsAnAssetWhoseInspectionFailedWithTheReason() throws Exception {
        Path pdf = TestFiles.truncated(TestFiles.pdf(dir.resolve("whole.pdf"), 1, PDRectangle.A4), dir.resolve("cut.pdf"), 400);
        IngestedFile file = ingest(MediaProfile.PRINT_MASTER, "application/pdf", "maket.pdf", pdf);
        assertThat(file.inspection().status()).isEqualTo(InspectionStatus.FAILED);
        assertThat(file.inspection().failure()).isPresent();
        assertThat(file.thumbnails()).isEmpty();
    }

    @Test
    void refusedFilesLeaveNothingInTheStore() throws Exception {
        Path png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(40, 40, Color.RED, Color.BLUE), "png");
        assertRefused(() -> ingest(MediaProfile.RADIO, null, "a.png", png), RefusalCode.TYPE_NOT_ALLOWED);
        Path bomb = TestFiles.pngBomb(dir.resolve("bomb.png"), 20_000, 20_000);
        assertRefused(() -> ingest(MediaProfile.INFOGRAPHIC, "image/png", "bomb.png", bomb), RefusalCode.DECOMPRESSION_BOMB);
        Path html = TestFiles.text(dir.resolve("x.jpg"), TestFiles.HTML_PAGE);
        assertRefused(() -> ingest(MediaProfile.INFOGRAPHIC, "image/jpeg", "x.jpg", html), RefusalCode.ACTIVE_CONTENT);
        Path zip = TestFiles.zipBomb(dir.resolve("bomb.zip"), 50L * 1024 * 1024);
        assertRefused(() -> ingest(MediaProfile.PRINT_MASTER, "application/pdf", "bomb.pdf", zip), RefusalCode.UNKNOWN_TYPE);
        assertThat(filesUnder(dir.resolve("store"))).isEmpty();
    }

    @Test
    void sizeLimitsAreExactAndAnAnnouncedOversizeIsRefusedBeforeReadingAByte() throws Exception {
        Path png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(40, 40, Color.RED, Color.BLUE), "png");
        long size = Files.size(png);
        MediaServices tight = MediaServices.create(dir.resolve("tight"), new SizeLimits(Map.of(
                MediaKind.AUDIO, 1L, MediaKind.VIDEO, 1L, MediaKind.IMAGE, size, MediaKind.DOCUMENT, 1L)));

        try (InputStream in = Files.newInputStream(png)) {
            assertThat(tight.ingestor().ingest(new IngestRequest(MediaProfile.INFOGRAPHIC, "image/png", "a.png", OptionalLong.of(size)), in)
                    .blob().size()).isEqualTo(size);
        }
        InputStream unreadable = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("must not be read");
            }
        };
        MediaRefusal announced = assertRefused(() -> tight.ingestor().ingest(
                new IngestRequest(MediaProfile.INFOGRAPHIC, "image/png", "a.png", OptionalLong.of(size + 1)), unreadable), RefusalCode.TOO_LARGE);
        assertThat(announced.code().httpStatus()).isEqualTo(413);

        byte[] oneTooMany = Arrays.copyOf(Files.readAllBytes(png), (int) size + 1);
        assertRefused(() -> tight.ingestor().ingest(new IngestRequest(MediaProfile.INFOGRAPHIC, "image/png", "a.png", OptionalLong.empty()),
                new ByteArrayInputStream(oneTooMany)), RefusalCode.TOO_LARGE);
        // The PDF limit (1 byte) does not apply to a PNG: limits are per kind.
        assertThat(tight.sizeLimits().maxFor(MediaProfile.PRINT_MASTER)).isEqualTo(size);
    }

    @Test
    void pathTraversalAndControlCharacterNamesAreRefusedAndNamesAreKeptInNfc() throws Exception {
        Path png = TestFiles.image(dir.resolve("a.png"), TestFiles.halves(40, 40, Color.RED, Color.BLUE), "png");
        for (String hostile : List.of("../../etc/passwd.png", "..\\..\\boot.png", "/etc/a.png", "a\u0000.png", "a\r\nX-Header: 1.png", "..", " ")) {
            assertRefused(() -> ingest(MediaProfile.INFOGRAPHIC, "image/png", hostile, png), RefusalCode.UNSAFE_FILE_NAME);
        }
        String decomposed = Normalizer.normalize("Áp phích tiếng Tày.png", Normalizer.Form.NFD);
        assertThat(ingest(MediaProfile.INFOGRAPHIC, "image/png", decomposed, png).originalFileName()).isEqualTo("Áp phích tiếng Tày.png");
    }

    private IngestedFile ingest(MediaProfile product, String type, String name, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return media.ingestor().ingest(new IngestRequest(product, type, name, OptionalLong.of(Files.size(file))), in);
        }
    }

    private static MediaRefusal assertRefused(ThrowingCallable call, RefusalCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(MediaRefusal.class);
        assertThat(((MediaRefusal) thrown).code()).as(thrown.getMessage()).isEqualTo(code);
        return (MediaRefusal) thrown;
    }

    static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
