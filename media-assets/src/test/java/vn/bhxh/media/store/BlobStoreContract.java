package vn.bhxh.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.TestFiles;
import vn.bhxh.media.TestStreams;
import vn.bhxh.media.derive.Rendition;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.upload.IngestRequest;
import vn.bhxh.media.upload.IngestedFile;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.UploadException;
import vn.bhxh.media.upload.UploadState;

/**
 * What every storage backend must do, run against each one. "Another instance" is a second set of store
 * objects over the same backend, as a second application instance would have: nothing may depend on
 * state kept in the first.
 */
abstract class BlobStoreContract {

    /** Larger than one S3 multipart part, so multi-part staging and ranged reads across parts are covered. */
    private static final int LARGE = 20 * 1024 * 1024;

    @TempDir
    Path scratch;

    /** A new instance's view of the one backend this test uses. */
    abstract MediaStorage instance() throws IOException;

    /** Keys (or relative paths) of the committed blobs in the backend. */
    abstract List<String> storedBlobs() throws IOException;

    /** Staged content not yet committed or discarded: must be empty whenever no stage is open. */
    abstract List<String> stagingLeftovers() throws IOException;

    @Test
    void storesUnderTheSha256OfTheContentAndReadsItBack() throws Exception {
        BlobStore store = instance().blobs();
        byte[] content = "Bảo hiểm xã hội tự nguyện".getBytes(StandardCharsets.UTF_8);

        BlobInfo info = put(store, content);

        assertThat(info.id()).isEqualTo(BlobId.fromDigest(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(info.size()).isEqualTo(content.length);
        try (InputStream in = store.open(info.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.find(info.id())).contains(info);
        assertThat(storedBlobs()).hasSize(1).allSatisfy(key -> assertThat(key).endsWith(info.id().sha256()));
    }

    @Test
    void aLargeFileIsStreamedInPartsAndReadBackWhole() throws Exception {
        BlobStore store = instance().blobs();
        byte[] content = random(LARGE, 1);
        BlobInfo info = put(store, content);
        assertThat(info.size()).isEqualTo(LARGE);
        try (InputStream in = instance().blobs().open(info.id())) {
            assertThat(Arrays.equals(in.readAllBytes(), content)).isTrue();
        }
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void stagedContentIsInvisibleUntilCommittedAndGoneWhenDiscarded() throws Exception {
        BlobStore store = instance().blobs();
        BlobId id;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
            id = staged.id();
            assertThat(store.find(id)).isEmpty();
            try (InputStream in = staged.open()) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
            assertThat(Files.readAllBytes(staged.localFile())).containsExactly(1, 2, 3);
        }
        assertThat(store.find(id)).isEmpty();
        assertThat(stagingLeftovers()).isEmpty();
        assertThat(storedBlobs()).isEmpty();
    }

    @Test
    void aMissingBlobIsNotFoundAndCannotBeOpened() throws Exception {
        BlobStore store = instance().blobs();
        BlobId missing = BlobId.fromDigest(new byte[32]);
        assertThat(store.find(missing)).isEmpty();
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(missing, 0, 1)).isInstanceOf(NoSuchFileException.class);
        store.delete(missing);
    }

    @Test
    void rangeReadsReturnExactlyTheRequestedBytes() throws Exception {
        BlobStore store = instance().blobs();
        byte[] small = new byte[256];
        for (int i = 0; i < small.length; i++) {
            small[i] = (byte) i;
        }
        BlobId id = put(store, small).id();
        try (InputStream in = store.open(id, 250, 6)) {
            assertThat(in.readAllBytes()).containsExactly(250, 251, 252, 253, 254, 255);
        }
        try (InputStream in = store.open(id, 256, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.open(id, 250, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(id, -1, 1)).isInstanceOf(IllegalArgumentException.class);

        byte[] large = random(LARGE, 2);
        BlobId largeId = put(store, large).id();
        int across = 8 * 1024 * 1024 - 1000;
        try (InputStream in = store.open(largeId, across, 5000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(large, across, across + 5000));
        }
    }

    @Test
    void theSizeLimitIsExactAndOverflowLeavesNothingBehind() throws Exception {
        BlobStore store = instance().blobs();
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[1024]), 1024)) {
            assertThat(staged.size()).isEqualTo(1024);
        }
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOf(BlobTooLargeException.class);
        // Refused after some parts were already sent: they are thrown away too.
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(random(LARGE, 3)), LARGE - 1))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(LARGE - 1));
        assertThat(stagingLeftovers()).isEmpty();
        assertThat(storedBlobs()).isEmpty();
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        byte[] content = random(100_000, 4);
        BlobId first = put(instance().blobs(), content).id();
        BlobId second = put(instance().blobs(), content).id();
        assertThat(second).isEqualTo(first);
        assertThat(storedBlobs()).hasSize(1);
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void concurrentWritersOfTheSameContentOnTwoInstancesAgreeAndLeaveOneWholeBlob() throws Exception {
        BlobStore first = instance().blobs();
        BlobStore second = instance().blobs();
        byte[] content = random(2 * 1024 * 1024, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<BlobId>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BlobStore store = i % 2 == 0 ? first : second;
                writers.add(() -> put(store, content).id());
            }
            List<BlobId> ids = new ArrayList<>();
            for (Future<BlobId> result : pool.invokeAll(writers)) {
                ids.add(result.get());
            }
            assertThat(ids).containsOnly(ids.getFirst());
            try (InputStream in = second.open(ids.getFirst())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedBlobs()).hasSize(1);
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void anUploadBegunOnOneInstanceIsResumedAndIngestedOnAnother() throws Exception {
        byte[] mp3 = Files.readAllBytes(TestFiles.mp3(scratch.resolve("tin.mp3"), 60));
        ResumableUploads first = uploads(instance());
        UploadState created = first.create(MediaProfile.RADIO, mp3.length, Map.of("filename", "Tin phát thanh.mp3", "filetype", "audio/mpeg"));

        // The connection to the first instance drops after 10,000 bytes.
        assertThatThrownBy(() -> first.append(created.id(), 0, TestStreams.breakingAfter(mp3, 10_000))).isInstanceOf(IOException.class);

        MediaStorage other = instance();
        ResumableUploads second = uploads(other);
        UploadState resumed = second.state(created.id());
        assertThat(resumed.offset()).isEqualTo(10_000);
        assertThat(resumed.metadata()).containsEntry("filename", "Tin phát thanh.mp3");
        assertThatThrownBy(() -> second.append(created.id(), 0, new ByteArrayInputStream(mp3)))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.OFFSET_MISMATCH));
        assertThat(second.append(created.id(), 10_000, new ByteArrayInputStream(mp3, 10_000, 20_000)).offset()).isEqualTo(30_000);
        assertThat(first.append(created.id(), 30_000, new ByteArrayInputStream(mp3, 30_000, mp3.length - 30_000)).isComplete()).isTrue();

        IngestedFile file = second.ingest(created.id(), MediaServices.create(other, SizeLimits.defaults()).ingestor());
        assertThat(file.originalFileName()).isEqualTo("Tin phát thanh.mp3");
        assertThat(file.blob().id()).isEqualTo(BlobId.fromDigest(MessageDigest.getInstance("SHA-256").digest(mp3)));
        try (InputStream in = instance().blobs().open(file.blob().id())) {
            assertThat(in.readAllBytes()).isEqualTo(mp3);
        }
        assertThatThrownBy(() -> first.state(created.id()))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NOT_FOUND));
        assertThat(instance().uploads().list("")).isEmpty();
    }

    @Test
    void twoInstancesCannotWriteOneUploadAtOnce() throws Exception {
        ResumableUploads first = uploads(instance());
        ResumableUploads second = uploads(instance());
        UploadState upload = first.create(MediaProfile.RADIO, 100, Map.of());
        TestStreams.Stalled slow = new TestStreams.Stalled();
        CompletableFuture<UploadState> slowPatch = CompletableFuture.supplyAsync(() -> {
            try {
                return first.append(upload.id(), 0, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slow.awaitReading()).isTrue();
        assertThatThrownBy(() -> second.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {2, 2})))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.BUSY));
        slow.release();
        assertThat(slowPatch.get(10, TimeUnit.SECONDS).offset()).isEqualTo(1);
        assertThat(second.state(upload.id()).offset()).isEqualTo(1);
        assertThat(second.append(upload.id(), 1, new ByteArrayInputStream(new byte[] {3})).offset()).isEqualTo(2);
    }

    @Test
    void anAbandonedUploadIsRemovedByAnyInstanceAfterTheExpiryCountedFromItsLastByte() throws Exception {
        ResumableUploads twoHoursAgo = uploads(instance(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        UploadState abandoned = twoHoursAgo.create(MediaProfile.VIDEO, 100, Map.of());
        twoHoursAgo.append(abandoned.id(), 0, new ByteArrayInputStream(new byte[10]));
        UploadState active = twoHoursAgo.create(MediaProfile.VIDEO, 100, Map.of());
        uploads(instance(), Clock.systemUTC()).append(active.id(), 0, new ByteArrayInputStream(new byte[10]));

        ResumableUploads sweeper = uploads(instance(), Clock.offset(Clock.systemUTC(), Duration.ofHours(23)));
        assertThat(sweeper.removeExpired()).isEqualTo(1);
        assertThatThrownBy(() -> sweeper.state(abandoned.id()))
                .isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NOT_FOUND));
        assertThat(sweeper.state(active.id()).offset()).isEqualTo(10);
        assertThat(instance().uploads().list(abandoned.id().value())).isEmpty();
    }

    @Test
    void previewsAndRenditionsMadeOnOneInstanceAreServedByAnother() throws Exception {
        MediaServices first = MediaServices.create(instance(), SizeLimits.defaults());
        Path jpeg = TestFiles.image(scratch.resolve("photo.jpg"), TestFiles.halves(1600, 1200, Color.RED, Color.BLUE), "jpeg");
        IngestedFile photo;
        try (InputStream in = Files.newInputStream(jpeg)) {
            photo = first.ingestor().ingest(new IngestRequest(MediaProfile.INFOGRAPHIC, "image/jpeg", "ảnh.jpg",
                    OptionalLong.empty()), in);
        }
        BlobId source = photo.blob().id();
        assertThat(photo.thumbnails()).containsKey(ThumbnailSize.SMALL);

        MediaServices second = MediaServices.create(instance(), SizeLimits.defaults());
        assertThat(second.derivatives().thumbnail(source, ThumbnailSize.SMALL)).contains(photo.thumbnails().get(ThumbnailSize.SMALL));
        BlobId share = second.derivatives().rendition(source, FileFormat.JPEG, Rendition.LINK_SHARE);
        assertThat(second.store().find(share)).isPresent();

        // The first instance finds it in the shared cache: it no longer needs the original to answer.
        first.store().delete(source);
        assertThat(first.derivatives().rendition(source, FileFormat.JPEG, Rendition.LINK_SHARE)).isEqualTo(share);
        assertThatThrownBy(() -> first.derivatives().rendition(source, FileFormat.JPEG, Rendition.SQUARE)).isInstanceOf(IOException.class);
    }

    private static ResumableUploads uploads(MediaStorage storage) {
        return uploads(storage, Clock.systemUTC());
    }

    private static ResumableUploads uploads(MediaStorage storage, Clock clock) {
        return new ResumableUploads(storage.uploads(), Duration.ofHours(24), clock, SizeLimits.defaults());
    }

    private static BlobInfo put(BlobStore store, byte[] content) throws IOException {
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), content.length)) {
            return staged.commit();
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
