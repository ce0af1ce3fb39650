package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/** The part of staging every store shares: copy, hash and count in one pass, in constant memory. */
final class StagingCopy {

    private static final int BUFFER_SIZE = 64 * 1024;

    /** Told the running total after each write, e.g. to send a full multipart part. */
    interface Progress {
        void written(long total) throws IOException;
    }

    record Copied(BlobId id, long size) {
    }

    private StagingCopy() {
    }

    /** @throws BlobTooLargeException as soon as more than {@code maxBytes} arrive */
    static Copied copy(InputStream content, OutputStream out, long maxBytes, Progress progress) throws IOException {
        MessageDigest sha256 = FileSystemBlobStore.newSha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = content.read(buffer)) != -1) {
            size += read;
            if (size > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            sha256.update(buffer, 0, read);
            out.write(buffer, 0, read);
            progress.written(size);
        }
        return new Copied(BlobId.fromDigest(sha256.digest()), size);
    }

    /** A range request must lie within the blob: what HTTP answers with 416 otherwise. */
    static void requireWithin(long offset, long length, long size) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException("Range " + offset + "+" + length + " outside a blob of " + size + " bytes");
        }
    }
}
