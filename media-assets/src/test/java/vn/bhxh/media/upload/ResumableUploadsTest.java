package vn.bhxh.media.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.TestStreams;
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
        UploadState created = uploads.create(MediaProfile.RADIO, mp3.length, metadata);
        assertThat(created.offset()).isZero();
        assertThat(created.expires()).isEqualTo(clock.instant().plus(EXPIRY));

        // The connection drops after 10,000 bytes of the first chunk.
        assertThatThrownBy(() -> uploads.append(created.id(), 0, TestStreams.breakingAfter(mp3, 10_000)))
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
        assertThat(file.blob().id()).isEqualTo(BlobId.fromDigest(MessageDigest.getInstance("SHA-256").digest(mp3)));
        assertThatThrownBy(() -> uploads.state(created.id()))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NOT_FOUND));
    }

    @Test
    void aPatchAtTheWrongOffsetOrPastTheLengthIsRefusedAndChangesNothing() throws Exception {
        UploadState upload = uploads.create(MediaProfile.RADIO, 10, Map.of());
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
        long max = SizeLimits.defaults().maxFor(MediaProfile.RADIO);
        assertThatThrownBy(() -> uploads.create(MediaProfile.RADIO, max + 1, Map.of()))
                .isInstanceOfSatisfying(MediaRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.TOO_LARGE));
    }

    @Test
    void abandonedUploadsAreRemovedAfterTheExpiryCountedFromTheLastByte() throws Exception {
        UploadState abandoned = uploads.create(MediaProfile.VIDEO, 100, Map.of());
        UploadState active = uploads.create(MediaProfile.VIDEO, 100, Map.of());
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
        UploadState upload = uploads.create(MediaProfile.RADIO, 100, Map.of());
        TestStreams.Stalled slow = new TestStreams.Stalled();
        CompletableFuture<UploadState> first = CompletableFuture.supplyAsync(() -> {
            try {
                return uploads.append(upload.id(), 0, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slow.awaitReading()).isTrue();
        assertThatThrownBy(() -> uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.BUSY));
        slow.release();
        assertThat(first.get(10, TimeUnit.SECONDS).offset()).isEqualTo(1);
    }

    @Test
    void aWriterThatStopsAnsweringIsOvertakenAfterTheLeaseAndItsLateBytesAreRefused() throws Exception {
        UploadState upload = uploads.create(MediaProfile.RADIO, 100, Map.of());
        TestStreams.Stalled stalled = new TestStreams.Stalled();
        CompletableFuture<UploadState> late = CompletableFuture.supplyAsync(() -> {
            try {
                return uploads.append(upload.id(), 0, stalled);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(stalled.awaitReading()).isTrue();
        assertThatThrownBy(() -> uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {2, 2})))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.BUSY));

        // Its request looks dead once the lease has passed: another one may write at that offset.
        clock.advance(ResumableUploads.CLAIM_LEASE.plusSeconds(1));
        assertThat(uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {2, 2})).offset()).isEqualTo(2);

        // When the stalled request finally ends, its bytes do not overwrite the ones already kept.
        stalled.release();
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(UploadException.class)
                .rootCause().satisfies(e -> assertThat(((UploadException) e).kind()).isEqualTo(UploadException.Kind.OFFSET_MISMATCH));
        assertThat(uploads.state(upload.id()).offset()).isEqualTo(2);
        assertThat(uploads.append(upload.id(), 2, new ByteArrayInputStream(new byte[98])).isComplete()).isTrue();
    }

    @Test
    void uploadIdsCannotNameAPath() {
        for (String hostile : new String[] {"../../etc", "..", "0123456789abcdef0123456789abcde/", "ABCDEF0123456789abcdef0123456789"}) {
            assertThatThrownBy(() -> new UploadId(hostile)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(UploadId.random().value()).hasSize(32);
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
