package vn.bhxh.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.store.DirectoryObjectStore;
import vn.bhxh.media.store.ObjectStore;
import vn.bhxh.media.store.StoredObject;

/**
 * Resumable uploads with tus 1.0 core semantics (creation, PATCH at offset, HEAD for the offset,
 * expiration). Bytes wait in the {@link ObjectStore} until the last one arrives; only then does
 * {@link #ingest} hand them to the {@link Ingestor}, so an unfinished upload is never an asset.
 *
 * <p>Everything about an upload is in the object store, nothing on the instance: {@code <id>/info} (what
 * was announced, written once) and one {@code <id>/part-<offset>-<time>-<token>} object per PATCH. Any
 * instance sharing the store can continue any upload. The offset is the end of the chain of parts from 0:
 * after a crash or a dropped connection the client asks (HEAD) and continues from what was really kept.
 *
 * <p>Exclusion without locks or conditional writes (not every S3-compatible server has them): a writer
 * first writes a uniquely named object, then lists. At most one of two writers can see only itself, so
 * at most one wins; both may lose, and the client then simply retries. This guards each PATCH twice:
 * a {@code writing-} marker answers "busy" at once while another request is sending bytes at that
 * offset, and the part itself, checked the same way after it is written, is what keeps the data right
 * (a marker left by a crashed instance stops counting after {@link #CLAIM_LEASE}).
 */
public final class ResumableUploads {

    /** A writer renews its marker at half this; a marker older than this belongs to a dead request. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private static final String INFO = "info";
    private static final String PART = "part";
    private static final String WRITING = "writing";
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ObjectStore objects;
    private final Duration expiry;
    private final Clock clock;
    private final SizeLimits sizeLimits;

    /** Uploads in a local (or NFS) directory. */
    public ResumableUploads(Path directory, Duration expiry, Clock clock, SizeLimits sizeLimits) throws IOException {
        this(new DirectoryObjectStore(directory), expiry, clock, sizeLimits);
    }

    /**
     * @param expiry an upload with no new bytes for this long is removed by {@link #removeExpired()}
     */
    public ResumableUploads(ObjectStore objects, Duration expiry, Clock clock, SizeLimits sizeLimits) {
        this.objects = objects;
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
        Properties info = new Properties();
        info.setProperty("product", product.name());
        info.setProperty("length", Long.toString(length));
        info.setProperty("created", Long.toString(clock.millis()));
        metadata.forEach((key, value) -> info.setProperty("meta." + key, value));
        StringWriter text = new StringWriter();
        info.store(text, null);
        objects.put(id.value() + "/" + INFO, text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            return state(id);
        } catch (UploadException e) {
            throw new IOException("Upload " + id + " vanished right after creation", e);
        }
    }

    /** tus HEAD: the offset to continue from. */
    public UploadState state(UploadId id) throws IOException, UploadException {
        return read(id, objects.list(id.value() + "/"));
    }

    /**
     * tus PATCH: appends {@code chunk} at {@code offset}, which must be the current offset. Bytes past
     * the announced length refuse the whole chunk. If the chunk breaks off (connection lost), what
     * arrived is kept and the exception is passed on; the client resumes from {@link #state}.
     */
    public UploadState append(UploadId id, long offset, InputStream chunk) throws IOException, UploadException {
        UploadState before = state(id);
        if (isExpired(before)) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "Upload " + id + " expired");
        }
        try (Claim claim = claim(id, offset)) {
            long current = state(id).offset();
            if (offset != current) {
                throw new UploadException(UploadException.Kind.OFFSET_MISMATCH,
                        "Upload-Offset " + offset + " does not match the current offset " + current);
            }
            receive(id, offset, before.length() - current, chunk, claim);
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
        try (Claim claim = claim(id, state.length())) {
            try {
                List<StoredObject> parts = Listing.of(objects.list(id.value() + "/")).chain();
                IngestRequest request = new IngestRequest(state.product(), state.metadata().get("filetype"),
                        state.metadata().get("filename"), OptionalLong.of(state.length()));
                try (InputStream in = new PartsInputStream(parts)) {
                    return ingestor.ingest(request, in);
                }
            } finally {
                remove(id);
            }
        }
    }

    /** tus termination (DELETE). */
    public void cancel(UploadId id) throws IOException, UploadException {
        state(id);
        remove(id);
    }

    /** Removes uploads with no new bytes for longer than the expiry; returns how many. Safe to run on every instance. */
    public int removeExpired() throws IOException {
        Map<String, List<StoredObject>> byUpload = new LinkedHashMap<>();
        for (StoredObject object : objects.list("")) {
            int slash = object.key().indexOf('/');
            if (slash > 0) {
                byUpload.computeIfAbsent(object.key().substring(0, slash), k -> new ArrayList<>()).add(object);
            }
        }
        int removed = 0;
        for (Map.Entry<String, List<StoredObject>> upload : byUpload.entrySet()) {
            UploadId id;
            try {
                id = new UploadId(upload.getKey());
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            try {
                if (isExpired(read(id, upload.getValue()))) {
                    remove(id);
                    removed++;
                }
            } catch (UploadException raced) {
                // removed meanwhile by another instance, or half-created: a later run decides
            }
        }
        return removed;
    }

    private void receive(UploadId id, long offset, long remaining, InputStream chunk, Claim claim) throws IOException, UploadException {
        Path scratch = objects.newScratchFile(id.value() + "/" + PART);
        long written = 0;
        try {
            try (OutputStream out = Files.newOutputStream(scratch)) {
                byte[] buffer = new byte[BUFFER_SIZE];
                int read;
                while ((read = chunk.read(buffer)) != -1) {
                    if (written + read > remaining) {
                        throw new UploadException(UploadException.Kind.PAST_LENGTH,
                                "The chunk goes past Upload-Length by " + (written + read - remaining) + " bytes");
                    }
                    out.write(buffer, 0, read);
                    written += read;
                    claim.renewIfDue();
                }
            } catch (IOException brokenOff) {
                // Keep what arrived: the client resumes from there.
                keep(id, offset, scratch, written);
                throw brokenOff;
            }
            keep(id, offset, scratch, written);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** Publishes the received bytes as the part at {@code offset}, unless another writer's part got there too. */
    private void keep(UploadId id, long offset, Path scratch, long written) throws IOException, UploadException {
        if (written == 0) {
            // An empty part would block its offset for every later PATCH.
            return;
        }
        String key = uniqueKey(id, PART, offset);
        objects.put(key, scratch);
        List<StoredObject> atOffset = objects.list(id.value() + "/" + PART + "-" + fixed(offset) + "-");
        if (atOffset.size() > 1) {
            objects.delete(key);
            throw new UploadException(UploadException.Kind.OFFSET_MISMATCH,
                    "Another request wrote upload " + id + " at offset " + offset + " at the same time");
        }
    }

    private Claim claim(UploadId id, long offset) throws IOException, UploadException {
        Claim claim = new Claim(id, offset);
        claim.write();
        Instant now = clock.instant();
        for (StoredObject object : objects.list(id.value() + "/" + WRITING + "-" + fixed(offset) + "-")) {
            Name name = Name.parse(object.key());
            if (!object.key().equals(claim.key) && name.time().plus(CLAIM_LEASE).isAfter(now)) {
                claim.close();
                throw new UploadException(UploadException.Kind.BUSY, "Upload " + id + " is being written by another request");
            }
        }
        return claim;
    }

    private UploadState read(UploadId id, List<StoredObject> objectsOfUpload) throws IOException, UploadException {
        Listing listing = Listing.of(objectsOfUpload);
        if (!listing.hasInfo()) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "No upload " + id);
        }
        Properties info = new Properties();
        try (InputStream in = objects.open(id.value() + "/" + INFO)) {
            info.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new UploadException(UploadException.Kind.NOT_FOUND, "Upload " + id + " is being removed");
        }
        Map<String, String> metadata = new HashMap<>();
        for (String name : info.stringPropertyNames()) {
            if (name.startsWith("meta.")) {
                metadata.put(name.substring(5), info.getProperty(name));
            }
        }
        Instant created = Instant.ofEpochMilli(Long.parseLong(info.getProperty("created")));
        Instant lastActivity = listing.lastActivity().filter(created::isBefore).orElse(created);
        return new UploadState(id, MediaProfile.valueOf(info.getProperty("product")), Long.parseLong(info.getProperty("length")),
                listing.offset(), metadata, lastActivity.plus(expiry));
    }

    private boolean isExpired(UploadState state) {
        return !clock.instant().isBefore(state.expires());
    }

    /** Parts and markers first, the info last: an upload half-removed by a crash is still found and removed later. */
    private void remove(UploadId id) throws IOException {
        for (StoredObject object : objects.list(id.value() + "/")) {
            if (!object.key().endsWith("/" + INFO)) {
                objects.delete(object.key());
            }
        }
        objects.delete(id.value() + "/" + INFO);
    }

    /** The parts one after the other, each opened only when the previous one is read to its end. */
    private final class PartsInputStream extends InputStream {

        private final Iterator<StoredObject> parts;
        private InputStream current = InputStream.nullInputStream();

        PartsInputStream(List<StoredObject> parts) {
            this.parts = parts.iterator();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                int read = current.read(b, off, len);
                if (read >= 0 || !parts.hasNext()) {
                    return read;
                }
                current.close();
                current = objects.open(parts.next().key());
            }
        }

        @Override
        public void close() throws IOException {
            current.close();
        }
    }

    private String uniqueKey(UploadId id, String kind, long offset) {
        return id.value() + "/" + kind + "-" + fixed(offset) + "-" + fixed(clock.millis()) + "-" + UploadId.random().value().substring(0, 12);
    }

    private static String fixed(long number) {
        return String.format("%020d", number);
    }

    /** An object name of an upload: kind, offset, time, token. */
    private record Name(String kind, long offset, Instant time) {

        static Name parse(String key) {
            String[] parts = key.substring(key.indexOf('/') + 1).split("-");
            if (parts.length != 4) {
                return new Name(parts[0], 0, Instant.EPOCH);
            }
            return new Name(parts[0], Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
        }
    }

    /** What the listing of one upload's objects says: whether it exists, its chain of parts, its last activity. */
    private record Listing(boolean hasInfo, List<StoredObject> chain, Optional<Instant> lastActivity) {

        static Listing of(List<StoredObject> objects) {
            boolean hasInfo = false;
            Map<Long, List<StoredObject>> partsAt = new HashMap<>();
            Instant last = null;
            for (StoredObject object : objects) {
                Name name = Name.parse(object.key());
                if (name.kind().equals(INFO)) {
                    hasInfo = true;
                    continue;
                }
                if (name.kind().equals(PART)) {
                    partsAt.computeIfAbsent(name.offset(), o -> new ArrayList<>()).add(object);
                }
                if (name.kind().equals(PART) || name.kind().equals(WRITING)) {
                    last = last == null || name.time().isAfter(last) ? name.time() : last;
                }
            }
            // Two parts at one offset are two writers still settling who won: the chain stops before them.
            List<StoredObject> chain = new ArrayList<>();
            long offset = 0;
            for (List<StoredObject> here = partsAt.get(offset); here != null && here.size() == 1; here = partsAt.get(offset)) {
                chain.add(here.getFirst());
                offset += here.getFirst().size();
            }
            return new Listing(hasInfo, chain, Optional.ofNullable(last));
        }

        long offset() {
            return chain.stream().mapToLong(StoredObject::size).sum();
        }
    }

    /** This request's "writing at offset" marker, renewed while the bytes arrive and removed at the end. */
    private final class Claim implements AutoCloseable {

        private final UploadId id;
        private final long offset;
        private String key;
        private Instant written;

        Claim(UploadId id, long offset) {
            this.id = id;
            this.offset = offset;
        }

        void write() throws IOException {
            written = clock.instant();
            key = uniqueKey(id, WRITING, offset);
            objects.put(key, new byte[0]);
        }

        void renewIfDue() throws IOException {
            if (clock.instant().isAfter(written.plus(CLAIM_LEASE.dividedBy(2)))) {
                String old = key;
                write();
                objects.delete(old);
            }
        }

        @Override
        public void close() throws IOException {
            objects.delete(key);
        }
    }
}
