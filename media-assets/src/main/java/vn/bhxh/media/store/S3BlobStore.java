package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Blobs in an S3 bucket under {@code <prefix>blobs/<sha256>}.
 *
 * <p>{@link #stage} streams the content to a staging key with a multipart upload while hashing it: memory
 * stays one buffer however large the file, and the upload overlaps the receipt. The SHA-256 (the final
 * name) is known only at the end, so {@link StagedBlob#commit()} copies the staging object to its
 * content key on the server, or just drops it when that content is already stored. The bytes are also
 * kept in a local scratch file until commit or close: parts are sent from it, and inspection tools
 * (Tika, ffmpeg) need a file. The scratch file is per request; nothing local outlives it.
 */
public final class S3BlobStore implements BlobStore {

    /** S3 refuses parts under 5 MiB (except the last) or over 5 GiB, and more than 10,000 parts. */
    static final long DEFAULT_PART_BYTES = 8L * 1024 * 1024;
    private static final long MAX_PART_BYTES = 5L * 1024 * 1024 * 1024;
    private static final long MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final S3Copier copier;

    /** @param prefix {@code ""} or ending in '/' */
    public S3BlobStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.copier = new S3Copier(client, bucket);
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path scratch = Files.createTempFile("bhxh-stage-", ".tmp");
        MultipartUpload upload = new MultipartUpload(prefix + "staging/" + UUID.randomUUID(), scratch, partBytesFor(maxBytes));
        try {
            StagingCopy.Copied copied;
            try (OutputStream out = Files.newOutputStream(scratch, StandardOpenOption.WRITE)) {
                copied = StagingCopy.copy(content, out, maxBytes, total -> {
                    if (upload.partIsFull(total)) {
                        out.flush();
                        upload.sendPart(total);
                    }
                });
            }
            upload.finish(copied.size());
            return new S3StagedBlob(upload.key, scratch, copied.id(), copied.size());
        } catch (IOException | RuntimeException e) {
            upload.abort();
            Files.deleteIfExists(scratch);
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> find(BlobId id) throws IOException {
        String key = keyOf(id);
        try {
            return Optional.of(new BlobInfo(id, S3Calls.call(key, () -> client.headObject(b -> b.bucket(bucket).key(key)).contentLength())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        String key = keyOf(id);
        return S3Calls.call(key, () -> client.getObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) throws IOException {
        StagingCopy.requireWithin(offset, length, find(id).orElseThrow(() -> new NoSuchFileException(keyOf(id))).size());
        if (length == 0) {
            // HTTP has no empty byte range; nothing to fetch.
            return InputStream.nullInputStream();
        }
        String key = keyOf(id);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return S3Calls.call(key, () -> client.getObject(b -> b.bucket(bucket).key(key).range(range)));
    }

    @Override
    public void delete(BlobId id) throws IOException {
        String key = keyOf(id);
        S3Calls.call(key, () -> client.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /** 8 MiB, or larger parts when the limit allows a file that would need more than 10,000 of them. */
    static long partBytesFor(long maxBytes) {
        return Math.min(MAX_PART_BYTES, Math.max(DEFAULT_PART_BYTES, maxBytes / (MAX_PARTS - 1) + 1));
    }

    String keyOf(BlobId id) {
        return prefix + "blobs/" + id.sha256();
    }

    /** Bytes of the scratch file sent as parts of one S3 multipart upload; a small file is one plain PUT instead. */
    private final class MultipartUpload {

        private final String key;
        private final Path scratch;
        private final long partBytes;
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;
        private long sent;

        MultipartUpload(String key, Path scratch, long partBytes) {
            this.key = key;
            this.scratch = scratch;
            this.partBytes = partBytes;
        }

        boolean partIsFull(long written) {
            return written - sent >= partBytes;
        }

        void sendPart(long written) throws IOException {
            if (uploadId == null) {
                uploadId = S3Calls.call(key, () -> client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
            }
            int number = parts.size() + 1;
            long start = sent;
            long length = written - sent;
            String etag = S3Calls.call(key, () -> client.uploadPart(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                    RequestBody.fromContentProvider(() -> slice(start, length), length, "application/octet-stream")).eTag());
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            sent = written;
        }

        void finish(long written) throws IOException {
            if (uploadId == null) {
                S3Calls.call(key, () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(scratch)));
                return;
            }
            if (written > sent) {
                sendPart(written);
            }
            S3Calls.call(key, () -> client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))));
        }

        void abort() {
            if (uploadId != null) {
                try {
                    client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
                } catch (RuntimeException ignored) {
                    // The bucket's lifecycle rule for incomplete uploads removes what this could not.
                }
            }
        }

        private InputStream slice(long start, long length) {
            try {
                FileChannel channel = FileChannel.open(scratch, StandardOpenOption.READ);
                channel.position(start);
                return new BoundedInputStream(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final class S3StagedBlob extends ScratchStagedBlob {

        private final String stagingKey;

        S3StagedBlob(String stagingKey, Path scratch, BlobId id, long size) {
            super(scratch, id, size);
            this.stagingKey = stagingKey;
        }

        @Override
        void publish(Path scratch) throws IOException {
            Optional<BlobInfo> stored = find(id());
            if (stored.isEmpty() || stored.get().size() != size()) {
                copier.copy(stagingKey, keyOf(id()), size());
            }
        }

        @Override
        void discard(Path scratch) throws IOException {
            try {
                S3Calls.call(stagingKey, () -> client.deleteObject(b -> b.bucket(bucket).key(stagingKey)));
            } finally {
                Files.deleteIfExists(scratch);
            }
        }
    }
}
