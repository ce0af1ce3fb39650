package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small named objects beside the blobs: resumable-upload state and parts, the derivative index. Every
 * instance that points at the same backend (a shared directory or an S3 bucket) sees the same objects, so
 * no instance keeps state of its own.
 *
 * <p>The operations are the ones S3 offers everywhere (put whole objects, read, list by prefix, delete):
 * no locks and no conditional writes, which not every S3-compatible server honours. Callers that need
 * exclusion build it from unique keys and read-after-write consistency (see {@code ResumableUploads}).
 */
public interface ObjectStore {

    /** Keys are ours, never a client's: lower-case words and digits separated by '/', so never a path escape. */
    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

    /**
     * A new empty local file to write the content of {@code key} into before {@link #put}; removed by put.
     * Only a request's scratch space: nothing in it outlives the request.
     */
    Path newScratchFile(String key) throws IOException;

    /** Makes {@code scratchFile} the object under {@code key} (replacing any), in one step, and removes the file. */
    void put(String key, Path scratchFile) throws IOException;

    /** Writes a small object whole. */
    void put(String key, byte[] content) throws IOException;

    /** @throws java.nio.file.NoSuchFileException when there is no such object */
    InputStream open(String key) throws IOException;

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<StoredObject> list(String prefix) throws IOException;

    /** Removing a missing object is not an error. */
    void delete(String key) throws IOException;

    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not an object key: " + key);
        }
        return key;
    }
}
