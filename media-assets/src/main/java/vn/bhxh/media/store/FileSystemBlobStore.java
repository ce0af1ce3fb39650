package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Blobs as files under {@code root/blobs/ab/cd/abcd…} (two fan-out levels keep directories small).
 *
 * <p>Several application instances may share one directory (e.g. over NFS with proper rename
 * semantics): every writer stages into its own uniquely named temporary file under
 * {@code root/tmp} (the same file system, so rename is atomic) and publishes it by rename. Two
 * writers of the same content both publish identical bytes, so whichever rename wins is correct.
 */
public final class FileSystemBlobStore implements BlobStore {

    private final Path blobs;
    private final Path temporary;

    public FileSystemBlobStore(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        this.blobs = Files.createDirectories(absolute.resolve("blobs"));
        this.temporary = Files.createDirectories(absolute.resolve("tmp"));
    }

    /** Where temporary files live: on the store's file system, so they can be renamed into it. */
    public Path temporaryDirectory() {
        return temporary;
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(temporary, "stage-", ".tmp");
        try {
            StagingCopy.Copied copied;
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                copied = StagingCopy.copy(content, out, maxBytes, total -> { });
            }
            AtomicFiles.fsync(file);
            return new FileStagedBlob(file, copied.id(), copied.size());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> find(BlobId id) throws IOException {
        Path file = pathOf(id);
        try {
            return Optional.of(new BlobInfo(id, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        return Files.newInputStream(pathOf(id));
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(id), StandardOpenOption.READ);
        try {
            StagingCopy.requireWithin(offset, length, channel.size());
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(BlobId id) throws IOException {
        Files.deleteIfExists(pathOf(id));
    }

    /** The only way from an id to a path: ids are 64 hex digits, so the result is always under {@code blobs}. */
    Path pathOf(BlobId id) {
        String hex = id.sha256();
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private final class FileStagedBlob extends ScratchStagedBlob {

        FileStagedBlob(Path file, BlobId id, long size) {
            super(file, id, size);
        }

        @Override
        void publish(Path file) throws IOException {
            Path target = pathOf(id());
            if (!Files.exists(target) || Files.size(target) != size()) {
                AtomicFiles.publish(file, target);
            }
        }

        @Override
        void discard(Path file) throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
