package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage of immutable blobs. Identical content is stored once.
 *
 * <p>Writes happen in two steps so a caller can look at the content before it becomes visible:
 * {@link #stage} streams the bytes aside while hashing them, then {@link StagedBlob#commit()} makes
 * them visible under their SHA-256, or {@link StagedBlob#close()} throws them away. A blob is never
 * visible half-written. An S3-compatible implementation would stage to a temporary key (or a
 * multipart upload) and commit by copying to the content key; callers do not change.
 */
public interface BlobStore {

    /**
     * Streams {@code content} aside, in constant memory, refusing it as soon as more than
     * {@code maxBytes} arrive.
     *
     * @throws BlobTooLargeException when the content exceeds {@code maxBytes}; nothing is kept
     */
    StagedBlob stage(InputStream content, long maxBytes) throws IOException;

    Optional<BlobInfo> find(BlobId id) throws IOException;

    /** The whole blob. */
    InputStream open(BlobId id) throws IOException;

    /** {@code length} bytes from {@code offset}: what HTTP Range requests need for seeking. */
    InputStream open(BlobId id, long offset, long length) throws IOException;

    /** Removes a blob no asset refers to any more. Removing a missing blob is not an error. */
    void delete(BlobId id) throws IOException;
}
