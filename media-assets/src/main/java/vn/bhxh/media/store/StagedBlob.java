package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Content written aside and hashed, not yet visible in the store. Closing without commit discards it. */
public interface StagedBlob extends AutoCloseable {

    BlobId id();

    long size();

    /** Reads the staged bytes again, e.g. for type detection before commit. */
    InputStream open() throws IOException;

    /**
     * A local file with the staged bytes, for tools that need a path (Tika, ffmpeg, PDFBox). Valid
     * until commit or close.
     */
    Path localFile();

    /** Makes the blob visible under its id; when the same content is already stored, keeps that copy. */
    BlobInfo commit() throws IOException;

    @Override
    void close() throws IOException;
}
