package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A staged blob whose bytes sit in a local file until commit or close: what both stores share. Commit
 * publishes once; close without commit discards; either way the file is gone afterwards.
 */
abstract class ScratchStagedBlob implements StagedBlob {

    private final Path file;
    private final BlobId id;
    private final long size;
    private boolean finished;

    ScratchStagedBlob(Path file, BlobId id, long size) {
        this.file = file;
        this.id = id;
        this.size = size;
    }

    /** Makes the content visible under its id (keeping an existing copy of the same content). */
    abstract void publish(Path file) throws IOException;

    /** Removes what staging left: the local file, and anything kept remotely. */
    abstract void discard(Path file) throws IOException;

    @Override
    public final BlobId id() {
        return id;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final InputStream open() throws IOException {
        requireOpen();
        return Files.newInputStream(file);
    }

    @Override
    public final Path localFile() {
        requireOpen();
        return file;
    }

    @Override
    public final BlobInfo commit() throws IOException {
        requireOpen();
        finished = true;
        try {
            publish(file);
        } finally {
            discard(file);
        }
        return new BlobInfo(id, size);
    }

    @Override
    public final void close() throws IOException {
        if (!finished) {
            finished = true;
            discard(file);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("Staged blob " + id + " was already committed or discarded");
        }
    }
}
