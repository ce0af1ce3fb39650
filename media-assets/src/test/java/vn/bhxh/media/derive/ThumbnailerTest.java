package vn.bhxh.media.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.time.Duration;
import vn.bhxh.media.process.WorkerLaunch;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.FileSystemBlobStore;
import vn.bhxh.media.store.StagedBlob;

class ThumbnailerTest {

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer(100_000_000L);

    @Test
    void theFixedSizesKeepTheAspectRatioAndNeverEnlarge() throws Exception {
        Path png = TestFiles.image(dir.resolve("big.png"), TestFiles.halves(3000, 2000, Color.RED, Color.BLUE), "png");
        Map<ThumbnailSize, byte[]> thumbnails = thumbnailer.thumbnails(png, FileFormat.PNG);
        assertThat(size(thumbnails.get(ThumbnailSize.SMALL))).isEqualTo("160x107");
        assertThat(size(thumbnails.get(ThumbnailSize.MEDIUM))).isEqualTo("480x320");
        assertThat(size(thumbnails.get(ThumbnailSize.LARGE))).isEqualTo("1280x853");

        Path logo = TestFiles.image(dir.resolve("logo.png"), TestFiles.halves(300, 150, Color.RED, Color.BLUE), "png");
        Map<ThumbnailSize, byte[]> small = thumbnailer.thumbnails(logo, FileFormat.PNG);
        assertThat(size(small.get(ThumbnailSize.SMALL))).isEqualTo("160x80");
        assertThat(size(small.get(ThumbnailSize.MEDIUM))).isEqualTo("300x150");
        assertThat(size(small.get(ThumbnailSize.LARGE))).isEqualTo("300x150");
    }

    @Test
    void exifOrientationIsAppliedAndNoExifOrGpsReachesThePublicPicture() throws Exception {
        // Stored landscape, red left; orientation 6 means "rotate 90° clockwise to view": portrait, red on top.
        Path photo = TestFiles.jpegWithExif(dir.resolve("phone.jpg"), TestFiles.halves(200, 100, Color.RED, Color.BLUE), 6);
        assertThat(new String(Files.readAllBytes(photo), StandardCharsets.ISO_8859_1)).contains("Exif");

        byte[] large = thumbnailer.thumbnails(photo, FileFormat.JPEG).get(ThumbnailSize.LARGE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(large));
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(isRed(image.getRGB(50, 20))).isTrue();
        assertThat(isBlue(image.getRGB(50, 180))).isTrue();
        assertNoPersonalMetadata(large);

        byte[] share = thumbnailer.rendition(photo, FileFormat.JPEG, Rendition.LINK_SHARE);
        assertNoPersonalMetadata(share);
    }

    @Test
    void orientationsThreeAndEightToo() throws Exception {
        BufferedImage source = TestFiles.halves(200, 100, Color.RED, Color.BLUE);
        BufferedImage upsideDown = ImageIO.read(new ByteArrayInputStream(thumbnailer.thumbnails(
                TestFiles.jpegWithExif(dir.resolve("3.jpg"), source, 3), FileFormat.JPEG).get(ThumbnailSize.LARGE)));
        assertThat(upsideDown.getWidth()).isEqualTo(200);
        assertThat(isBlue(upsideDown.getRGB(20, 50))).isTrue();

        BufferedImage left = ImageIO.read(new ByteArrayInputStream(thumbnailer.thumbnails(
                TestFiles.jpegWithExif(dir.resolve("8.jpg"), source, 8), FileFormat.JPEG).get(ThumbnailSize.LARGE)));
        assertThat(left.getHeight()).isEqualTo(200);
        assertThat(isBlue(left.getRGB(50, 20))).isTrue();
    }

    @Test
    void webpImagesAndTheFirstPdfPageGetPreviews() throws Exception {
        Path webp = TestFiles.ffmpeg(dir.resolve("a.webp"), "-f", "lavfi", "-i", "color=c=red:size=640x480", "-frames:v", "1");
        assertThat(size(thumbnailer.thumbnails(webp, FileFormat.WEBP).get(ThumbnailSize.MEDIUM))).isEqualTo("480x360");

        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 2, PDRectangle.A4);
        byte[] page = thumbnailer.thumbnails(pdf, FileFormat.PDF).get(ThumbnailSize.LARGE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(page));
        assertThat(image.getHeight()).isEqualTo(1280);
        assertThat(image.getWidth()).isBetween(903, 906);
        assertThat(isRed(image.getRGB(100, 640))).isTrue();
        assertThat(size(thumbnailer.rendition(pdf, FileFormat.PDF, Rendition.SQUARE))).isEqualTo("1080x1080");
    }

    @Test
    void pdfPagesRenderInAWorkerWhoseTimeAndHeapLimitsEndInAReasonNotACrash() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), 1, PDRectangle.A4);
        Path endless = TestFiles.endlessPdf(dir.resolve("endless.pdf"));
        try (ForkedPdfFirstPage slowPages = new ForkedPdfFirstPage(WorkerLaunch.ofCurrentJvm(), Duration.ofMillis(100), 256)) {
            Thumbnailer slow = new Thumbnailer(100_000_000L, slowPages);
            assertThatThrownBy(() -> slow.thumbnails(endless, FileFormat.PDF))
                    .isInstanceOfSatisfying(DerivationFailure.class, f -> assertThat(f.getMessage()).contains("timed out"));
        }
        try (ForkedPdfFirstPage starvedPages = new ForkedPdfFirstPage(WorkerLaunch.ofCurrentJvm(), Duration.ofSeconds(30), 8)) {
            Thumbnailer starved = new Thumbnailer(100_000_000L, starvedPages);
            assertThatThrownBy(() -> starved.thumbnails(pdf, FileFormat.PDF))
                    .isInstanceOfSatisfying(DerivationFailure.class, f -> assertThat(f.getMessage()).contains("out of memory"));
        }
        Path cut = TestFiles.truncated(pdf, dir.resolve("cut.pdf"), 300);
        assertThatThrownBy(() -> thumbnailer.thumbnails(cut, FileFormat.PDF)).isInstanceOf(DerivationFailure.class);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        Path bomb = TestFiles.pngBomb(dir.resolve("bomb.png"), 100_000, 100_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> thumbnailer.thumbnails(bomb, FileFormat.PNG))
                .isInstanceOfSatisfying(MediaRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo(RefusalCode.DECOMPRESSION_BOMB);
                    assertThat(r.reason().text()).isEqualTo(
                            "Ảnh 100000×100000 điểm ảnh vượt giới hạn 100000000 điểm ảnh; tệp bị từ chối trước khi giải mã.");
                });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void thePixelLimitIsExact() throws Exception {
        Thumbnailer limited = new Thumbnailer(200 * 100);
        Path atLimit = TestFiles.image(dir.resolve("at.png"), TestFiles.halves(200, 100, Color.RED, Color.BLUE), "png");
        Path overLimit = TestFiles.image(dir.resolve("over.png"), TestFiles.halves(201, 100, Color.RED, Color.BLUE), "png");
        assertThat(limited.thumbnails(atLimit, FileFormat.PNG)).hasSize(3);
        assertThatThrownBy(() -> limited.thumbnails(overLimit, FileFormat.PNG))
                .isInstanceOfSatisfying(MediaRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.DECOMPRESSION_BOMB));
    }

    @Test
    void aTruncatedImageFailsWithAReason() throws Exception {
        BufferedImage noise = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        Path png = TestFiles.image(dir.resolve("noise.png"), noise, "png");
        Path cut = TestFiles.truncated(png, dir.resolve("cut.png"), (int) (Files.size(png) / 2));
        assertThatThrownBy(() -> thumbnailer.thumbnails(cut, FileFormat.PNG))
                .isInstanceOfSatisfying(DerivationFailure.class, f -> assertThat(f.reason().text()).startsWith("Không tạo được ảnh xem trước"));
    }

    @Test
    void renditionsAreMadeOnDemandOnceAndServedFromTheCache() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("store"));
        DerivativeCache cache = new DerivativeCache(store, thumbnailer, dir.resolve("store/derived"));
        BlobId source;
        try (InputStream in = Files.newInputStream(TestFiles.image(dir.resolve("photo.jpg"),
                TestFiles.halves(1600, 1200, Color.RED, Color.BLUE), "jpeg"));
             StagedBlob staged = store.stage(in, Long.MAX_VALUE)) {
            source = staged.commit().id();
        }

        BlobId share = cache.rendition(source, FileFormat.JPEG, Rendition.LINK_SHARE);
        try (InputStream in = store.open(share)) {
            assertThat(size(in.readAllBytes())).isEqualTo("1200x630");
        }
        // Served from the cache: it no longer needs the original.
        store.delete(source);
        assertThat(cache.rendition(source, FileFormat.JPEG, Rendition.LINK_SHARE)).isEqualTo(share);
        assertThatThrownBy(() -> cache.rendition(source, FileFormat.JPEG, Rendition.SQUARE)).isInstanceOf(IOException.class);
    }

    private static String size(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getWidth() + "x" + image.getHeight();
    }

    private static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    private static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    /** Walks the JPEG marker segments: no APP1 (Exif/XMP) at all, and no GPS bytes anywhere. */
    private static void assertNoPersonalMetadata(byte[] jpeg) {
        assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker == 0xda) {
                break;
            }
            assertThat(marker).as("APP1 (Exif/XMP) segment").isNotEqualTo(0xe1);
            at += 2 + (((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff));
        }
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
    }
}
