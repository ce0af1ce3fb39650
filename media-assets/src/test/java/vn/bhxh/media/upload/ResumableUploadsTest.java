package vn.bhxh.media.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.ProductType;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.store.BlobId;

class ResumableUploadsTest {

    private static final Duration EXPIRY = Duration.ofHours(24);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-10T08:00:00Z"));
    private MediaServices media;
    private ResumableUploads uploads;

    @BeforeEach
    void setUp() throws IOException {
        media = MediaServices.create(dir.resolve("store"), SizeLimits.defaults());
        uploads = new ResumableUploads(dir.resolve("uploads"), EXPIRY, clock, SizeLimits.defaults());
    }

    @AfterEach
    void endWorkers() {
        media.close();
    }

    @Test
    void anInterruptedUploadResumesWhereItStoppedAndBecomesAnAssetOnlyWhenComplete() throws Exception {
        byte[] mp3 = Files.readAllBytes(TestFiles.mp3(dir.resolve("tin.mp3"), 200));
        Map<String, String> metadata = TusMetadata.parse("filename " + base64("Tin phát thanh tháng 5.mp3") + ",filetype " + base64("audio/mpeg"));
        UploadState created = uploads.create(ProductType.RADIO, mp3.length, metadata);
        assertThat(created.offset()).isZero();
        assertThat(created.expires()).isEqualTo(clock.instant().plus(EXPIRY));

        // The connection drops after 10,000 bytes of the first chunk.
        assertThatThrownBy(() -> uploads.append(created.id(), 0, breakingAfter(mp3, 10_000)))
                .isInstanceOf(IOException.class);
        UploadState afterDrop = uploads.state(created.id());
        assertThat(afterDrop.offset()).isEqualTo(10_000);
        assertThat(afterDrop.isComplete()).isFalse();
        assertThatThrownBy(() -> uploads.ingest(created.id(), media.ingestor()))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.INCOMPLETE));
        assertThat(IngestorTest.filesUnder(dir.resolve("store/blobs"))).isEmpty();

        UploadState done = uploads.append(created.id(), 10_000, new ByteArrayInputStream(mp3, 10_000, mp3.length - 10_000));
        assertThat(done.isComplete()).isTrue();

        IngestedFile file = uploads.ingest(created.id(), media.ingestor());
        assertThat(file.originalFileName()).isEqualTo("Tin phát thanh tháng 5.mp3");
        assertThat(file.blob().id()).isEqualTo(BlobId.fromDigest(java.security.MessageDigest.getInstance("SHA-256").digest(mp3)));
        assertThatThrownBy(() -> uploads.state(created.id()))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NOT_FOUND));
    }

    @Test
    void aPatchAtTheWrongOffsetOrPastTheLengthIsRefusedAndChangesNothing() throws Exception {
        UploadState upload = uploads.create(ProductType.RADIO, 10, Map.of());
        uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[4]));
        assertThatThrownBy(() -> uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[2])))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.OFFSET_MISMATCH);
                    assertThat(e.kind().httpStatus()).isEqualTo(409);
                });
        assertThatThrownBy(() -> uploads.append(upload.id(), 4, new ByteArrayInputStream(new byte[7])))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.PAST_LENGTH));
        assertThat(uploads.state(upload.id()).offset()).isEqualTo(4);
        assertThat(uploads.append(upload.id(), 4, new ByteArrayInputStream(new byte[6])).isComplete()).isTrue();
    }

    @Test
    void anUploadLongerThanTheProductAllowsIsRefusedAtCreation() {
        long max = SizeLimits.defaults().maxFor(ProductType.RADIO);
        assertThatThrownBy(() -> uploads.create(ProductType.RADIO, max + 1, Map.of()))
                .isInstanceOfSatisfying(MediaRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.TOO_LARGE));
    }

    @Test
    void abandonedUploadsAreRemovedAfterTheExpiryCountedFromTheLastByte() throws Exception {
        UploadState abandoned = uploads.create(ProductType.VIDEO, 100, Map.of());
        UploadState active = uploads.create(ProductType.VIDEO, 100, Map.of());
        clock.advance(Duration.ofHours(12));
        uploads.append(active.id(), 0, new ByteArrayInputStream(new byte[10]));

        clock.advance(EXPIRY.minusHours(12).minusSeconds(1));
        assertThat(uploads.removeExpired()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(uploads.removeExpired()).isEqualTo(1);
        assertThatThrownBy(() -> uploads.append(abandoned.id(), 0, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NOT_FOUND));
        assertThat(uploads.state(active.id()).offset()).isEqualTo(10);

        clock.advance(Duration.ofHours(12));
        assertThat(uploads.removeExpired()).isEqualTo(1);
        assertThat(Files.list(dir.resolve("uploads")).toList()).isEmpty();
    }

    @Test
    void twoRequestsCannotWriteOneUploadAtOnce() throws Exception {
        UploadState upload = uploads.create(ProductType.RADIO, 100, Map.of());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            boolean sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent) {
                    return -1;
                }
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sent = true;
                b[off] = 1;
                return 1;
            }
        };
        CompletableFuture<UploadState> first = CompletableFuture.supplyAsync(() -> {
            try {
                return uploads.append(upload.id(), 0, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.BUSY));
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).offset()).isEqualTo(1);
    }

    @Test
    void uploadIdsCannotNameAPath() {
        for (String hostile : new String[] {"../../etc", "..", "0123456789abcdef0123456789abcde/", "ABCDEF0123456789abcdef0123456789"}) {
            assertThatThrownBy(() -> new UploadId(hostile)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(UploadId.random().value()).hasSize(32);
    }

    private static InputStream breakingAfter(byte[] content, int bytes) {
        return new InputStream() {
            private final InputStream delegate = new ByteArrayInputStream(Arrays.copyOf(content, bytes));

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = delegate.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
