package vn.bhxh.media.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync and rename, so that a file appears whole or not at all, even after a power loss. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Renames a complete, fsynced temporary file to its final name in one atomic step, then fsyncs
     * the directory so the new name survives a crash. Replacing an existing file is fine for
     * content-addressed names: both have the same bytes.
     */
    public static void publish(Path temporary, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new IOException("Cannot rename atomically to " + target + " (temporary files must be on the same file system)", e);
        }
        fsyncDirectory(target.getParent());
    }

    /** Writes small content (an index entry, a record) atomically. */
    public static void writeAtomically(Path target, byte[] content, Path temporaryDirectory) throws IOException {
        Files.createDirectories(temporaryDirectory);
        Path temporary = Files.createTempFile(temporaryDirectory, "write-", ".tmp");
        try {
            Files.write(temporary, content);
            fsync(temporary);
            publish(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void fsyncDirectory(Path directory) {
        // Linux allows fsync on a directory opened for reading; other systems may refuse, and there
        // the rename alone is the best available.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, see above
        }
    }
}
