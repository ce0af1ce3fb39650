package vn.bhxh.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.bundle.ZipBundleWriter;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.FileSystemBlobStore;
import vn.bhxh.media.store.StagedBlob;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.UploadState;

/**
 * Run in a child JVM with a small heap by {@link StreamingMemoryTest}: pushes a large file through a
 * resumable upload, the blob store and a ZIP bundle, then prints the peak heap and the rates.
 * If anything held the file in memory, this JVM would die of OutOfMemoryError.
 */
public final class SmallHeapStreaming {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        long chunk = 64L * 1024 * 1024;

        ResumableUploads uploads = new ResumableUploads(root.resolve("uploads"), Duration.ofHours(1), Clock.systemUTC(),
                SizeLimits.defaults());
        long start = System.nanoTime();
        UploadState upload = uploads.create(MediaProfile.VIDEO, bytes, Map.of("filename", "video.mp4"));
        for (long offset = 0; offset < bytes; offset += chunk) {
            uploads.append(upload.id(), offset, new Generated(Math.min(chunk, bytes - offset), offset));
        }
        double uploadSeconds = seconds(start);

        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("store"));
        start = System.nanoTime();
        BlobId id;
        try (StagedBlob staged = store.stage(new Generated(bytes, 0), bytes)) {
            id = staged.commit().id();
        }
        double storeSeconds = seconds(start);

        start = System.nanoTime();
        CountingSink sink = new CountingSink();
        new ZipBundleWriter(store).write("bundle", List.of(new BundleEntry("Video", "vi", 1, "video.mp4", id)), sink);
        double bundleSeconds = seconds(start);

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double mib = bytes / 1048576.0;
        System.out.printf("offset=%d%n", uploads.state(upload.id()).offset());
        System.out.printf("zipBytes=%d%n", sink.count);
        System.out.printf("peakHeapBytes=%d%n", peak);
        System.out.printf(Locale.ROOT, "uploadMiBps=%.0f%nstoreMiBps=%.0f%nbundleMiBps=%.0f%n",
                mib / uploadSeconds, mib / storeSeconds, mib / bundleSeconds);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Deterministic bytes made on the fly, so the test itself holds nothing either. */
    private static final class Generated extends InputStream {
        private long remaining;
        private long position;

        Generated(long length, long position) {
            this.remaining = length;
            this.position = position;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position + i) * 31 >>> 3);
            }
            position += n;
            remaining -= n;
            return n;
        }
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
