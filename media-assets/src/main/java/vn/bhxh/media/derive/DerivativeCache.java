package vn.bhxh.media.derive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.BlobStore;
import vn.bhxh.media.store.DirectoryObjectStore;
import vn.bhxh.media.store.ObjectStore;
import vn.bhxh.media.store.StagedBlob;

/**
 * Previews and channel renditions, stored as ordinary blobs, with a small index from
 * (source blob, variant) to the derived blob so each is made once. The index lives in an
 * {@link ObjectStore} on the same backend as the blobs (a shared directory or the S3 bucket), and each
 * entry is written whole, so instances may race to make the same rendition: both produce the same
 * bytes, and either index entry is right.
 */
public final class DerivativeCache {

    private static final long MAX_DERIVATIVE_BYTES = 20L * 1024 * 1024;

    private final BlobStore store;
    private final Thumbnailer thumbnailer;
    private final ObjectStore index;

    public DerivativeCache(BlobStore store, Thumbnailer thumbnailer, Path indexDirectory) throws IOException {
        this(store, thumbnailer, new DirectoryObjectStore(indexDirectory));
    }

    public DerivativeCache(BlobStore store, Thumbnailer thumbnailer, ObjectStore index) {
        this.store = store;
        this.thumbnailer = thumbnailer;
        this.index = index;
    }

    /** Makes and stores every fixed-size preview of a just-stored file; returns them by size. */
    public Map<ThumbnailSize, BlobId> thumbnails(BlobId source, Path localCopy, FileFormat format)
            throws IOException, MediaRefusal, DerivationFailure {
        Map<ThumbnailSize, BlobId> result = new EnumMap<>(ThumbnailSize.class);
        for (Map.Entry<ThumbnailSize, byte[]> thumbnail : thumbnailer.thumbnails(localCopy, format).entrySet()) {
            BlobId id = put(thumbnail.getValue());
            remember(source, variantName(thumbnail.getKey()), id);
            result.put(thumbnail.getKey(), id);
        }
        return result;
    }

    public Optional<BlobId> thumbnail(BlobId source, ThumbnailSize size) throws IOException {
        return lookup(source, variantName(size));
    }

    /** The rendition of a stored file, made from the stored original the first time it is asked for. */
    public BlobId rendition(BlobId source, FileFormat format, Rendition rendition) throws IOException, MediaRefusal, DerivationFailure {
        String variant = variantName(rendition);
        Optional<BlobId> cached = lookup(source, variant);
        if (cached.isPresent()) {
            return cached.get();
        }
        // A scratch copy for the image tools, gone when this request ends.
        Path copy = Files.createTempFile("bhxh-source-", "." + format.preferredExtension());
        try {
            try (InputStream in = store.open(source)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            BlobId id = put(thumbnailer.rendition(copy, format, rendition));
            remember(source, variant, id);
            return id;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private BlobId put(byte[] jpeg) throws IOException {
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(jpeg), MAX_DERIVATIVE_BYTES)) {
            return staged.commit().id();
        }
    }

    private Optional<BlobId> lookup(BlobId source, String variant) throws IOException {
        try (InputStream in = index.open(entry(source, variant))) {
            BlobId id = new BlobId(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            // An index entry whose blob was collected is a miss, not an error.
            return store.find(id).map(info -> id);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void remember(BlobId source, String variant, BlobId derived) throws IOException {
        index.put(entry(source, variant), derived.sha256().getBytes(StandardCharsets.US_ASCII));
    }

    private static String entry(BlobId source, String variant) {
        // Both parts are ours: a validated hash and an enum name. The fan-out keeps the directory layout of
        // existing installations.
        return source.sha256().substring(0, 2) + "/" + source.sha256() + "/" + variant;
    }

    private static String variantName(Enum<?> variant) {
        return variant.getDeclaringClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + variant.name().toLowerCase(Locale.ROOT);
    }
}
