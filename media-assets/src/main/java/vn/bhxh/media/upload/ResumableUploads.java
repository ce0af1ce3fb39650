package vn.bhxh.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.store.AtomicFiles;

/**
 * Resumable uploads with tus 1.0 core semantics (creation, PATCH at offset, HEAD for the offset,
 * expiration). Bytes wait in {@code directory/<id>/data} until the last one arrives; only then does
 * {@link #ingest} hand them to the {@link Ingestor}, so an unfinished upload is never an asset.
 *
 * <p>Each PATCH takes an exclusive OS file lock on the upload, so instances sharing the directory
 * cannot interleave writes to one upload. The offset is the data file's length after fsync: after a
 * crash or a dropped connection the client asks (HEAD) and continues from what was really kept.
 */
public final class ResumableUploads {

    private static final String INFO = "info.properties";
    private static final String DATA = "data";
    private static final String LOCK = "lock";
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path directory;
    private final Duration expiry;
    private final Clock clock;
    private final SizeLimits sizeLimits;

    /**
     * @param expiry an upload with no new bytes for this long is removed by {@link #removeExpired()}
     */
    public ResumableUploads(Path directory, Duration expiry, Clock clock, SizeLimits sizeLimits)
            throws IOException {
        this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
        this.expiry = expiry;
        this.clock = clock;
        this.sizeLimits = sizeLimits;
    }

    /** tus creation (POST). The announced length is checked against the product's size limit at once. */
    public UploadState create(MediaProfile product, long length, Map<String, String> metadata) throws MediaRefusal, IOException {
        if (length < 0) {
            throw new IllegalArgumentException("Upload-Length cannot be negative");
        }
        sizeLimits.checkAnnounced(product, length);
        UploadId id = UploadId.random();
        Path upload = Files.createDirectories(directory.resolve(id.value()));
        Files.createFile(upload.resolve(DATA));
        touch(upload.resolve(DATA));
        Files.createFile(upload.resolve(LOCK));
        Properties info = new Properties();
        info.setProperty("product", product.name());
        info.setProperty("length", Long.toString(length));
        metadata.forEach((key, value) -> info.setProperty("meta." + key, value));
        StringWriter text = new StringWriter();
        info.store(text, null);
        AtomicFiles.writeAtomically(upload.resolve(INFO), text.toString().getBytes(StandardCharsets.UTF_8), upload);
        try {
            return state(id);
        } catch (UploadException e) {
            throw new IOException("Upload " + id + " vanished right after creation", e);
        }
    }

    /** tus HEAD: the offset to continue from. */
    public UploadState state(UploadId id) throws IOException, UploadException {
        Path upload = existing(id);
        Properties info = new Properties();
        try {
            info.load(new StringReader(Files.readString(upload.resolve(INFO), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "Upload " + id + " is being created or removed");
        }
        Map<String, String> metadata = new HashMap<>();
        for (String name : info.stringPropertyNames()) {
            if (name.startsWith("meta.")) {
                metadata.put(name.substring(5), info.getProperty(name));
            }
        }
        Path data = upload.resolve(DATA);
        Instant lastActivity = Files.getLastModifiedTime(data).toInstant();
        return new UploadState(id, MediaProfile.valueOf(info.getProperty("product")), Long.parseLong(info.getProperty("length")),
                Files.size(data), metadata, lastActivity.plus(expiry));
    }

    /**
     * tus PATCH: appends {@code chunk} at {@code offset}, which must be the current offset. Bytes past
     * the announced length refuse the whole chunk. If the chunk breaks off (connection lost), what
     * arrived is kept and the exception is passed on; the client resumes from {@link #state}.
     */
    public UploadState append(UploadId id, long offset, InputStream chunk) throws IOException, UploadException {
        Path upload = existing(id);
        UploadState before = state(id);
        if (isExpired(before)) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "Upload " + id + " expired");
        }
        try (FileChannel lockChannel = FileChannel.open(upload.resolve(LOCK), StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel, id);
             FileChannel data = FileChannel.open(upload.resolve(DATA), StandardOpenOption.WRITE)) {
            long current = data.size();
            if (offset != current) {
                throw new UploadException(UploadException.Kind.OFFSET_MISMATCH,
                        "Upload-Offset " + offset + " does not match the current offset " + current);
            }
            long remaining = before.length() - current;
            data.position(current);
            OutputStream out = Channels.newOutputStream(data);
            byte[] buffer = new byte[BUFFER_SIZE];
            long written = 0;
            try {
                int read;
                while ((read = chunk.read(buffer)) != -1) {
                    if (written + read > remaining) {
                        data.truncate(current);
                        throw new UploadException(UploadException.Kind.PAST_LENGTH,
                                "The chunk goes past Upload-Length " + before.length());
                    }
                    out.write(buffer, 0, read);
                    written += read;
                }
            } finally {
                data.force(true);
                touch(upload.resolve(DATA));
            }
        }
        return state(id);
    }

    /**
     * Hands a complete upload to the ingestor and removes it, whether the file is accepted or refused:
     * either way the client must start again to send anything else.
     */
    public IngestedFile ingest(UploadId id, Ingestor ingestor) throws IOException, UploadException, MediaRefusal, InterruptedException {
        UploadState state = state(id);
        if (!state.isComplete()) {
            throw new UploadException(UploadException.Kind.INCOMPLETE,
                    "Upload " + id + " has " + state.offset() + " of " + state.length() + " bytes");
        }
        Path upload = existing(id);
        try (FileChannel lockChannel = FileChannel.open(upload.resolve(LOCK), StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel, id);
             InputStream in = Files.newInputStream(upload.resolve(DATA))) {
            IngestRequest request = new IngestRequest(state.product(), state.metadata().get("filetype"),
                    state.metadata().get("filename"), OptionalLong.of(state.length()));
            return ingestor.ingest(request, in);
        } finally {
            delete(upload);
        }
    }

    /** tus termination (DELETE). */
    public void cancel(UploadId id) throws IOException, UploadException {
        delete(existing(id));
    }

    /** Removes uploads with no new bytes for longer than the expiry; returns how many. Safe to run on every instance. */
    public int removeExpired() throws IOException {
        int removed = 0;
        try (Stream<Path> uploads = Files.list(directory)) {
            for (Path upload : uploads.toList()) {
                UploadId id;
                try {
                    id = new UploadId(upload.getFileName().toString());
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                try {
                    if (isExpired(state(id)) && tryDelete(upload)) {
                        removed++;
                    }
                } catch (UploadException | NoSuchFileException raced) {
                    // removed meanwhile by another instance, or half-created: a later run decides
                }
            }
        }
        return removed;
    }

    private boolean isExpired(UploadState state) {
        return !clock.instant().isBefore(state.expires());
    }

    private boolean tryDelete(Path upload) throws IOException {
        try (FileChannel lockChannel = FileChannel.open(upload.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false;
            }
            if (lock == null) {
                return false;
            }
            try (lock) {
                delete(upload);
                return true;
            }
        }
    }

    /** Last activity on our clock, not the file system's, so expiry follows the injected clock. */
    private void touch(Path data) throws IOException {
        Files.setLastModifiedTime(data, FileTime.from(clock.instant()));
    }

    private Path existing(UploadId id) throws UploadException {
        Path upload = directory.resolve(id.value());
        if (!Files.isDirectory(upload)) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "No upload " + id);
        }
        return upload;
    }

    private static FileLock tryLock(FileChannel channel, UploadId id) throws IOException, UploadException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new UploadException(UploadException.Kind.BUSY, "Upload " + id + " is being written by another request");
        }
        return lock;
    }

    private static void delete(Path upload) throws IOException {
        try (Stream<Path> files = Files.walk(upload)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException gone) {
            // already removed by another instance
        }
    }

}
