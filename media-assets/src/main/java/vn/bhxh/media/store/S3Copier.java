package vn.bhxh.media.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Server-side copy within a bucket: one CopyObject up to S3's 5 GiB limit for it, part by part
 * (UploadPartCopy) above, so a staged file of any accepted size reaches its content key without passing
 * through this machine again.
 */
final class S3Copier {

    static final long MAX_SINGLE_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    static final long COPY_PART_BYTES = 512L * 1024 * 1024;

    private final S3Client client;
    private final String bucket;
    private final long maxSingleCopyBytes;
    private final long copyPartBytes;

    S3Copier(S3Client client, String bucket) {
        this(client, bucket, MAX_SINGLE_COPY_BYTES, COPY_PART_BYTES);
    }

    S3Copier(S3Client client, String bucket, long maxSingleCopyBytes, long copyPartBytes) {
        this.client = client;
        this.bucket = bucket;
        this.maxSingleCopyBytes = maxSingleCopyBytes;
        this.copyPartBytes = copyPartBytes;
    }

    void copy(String source, String target, long size) throws IOException {
        if (size <= maxSingleCopyBytes) {
            S3Calls.call(source, () -> client.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                    .destinationBucket(bucket).destinationKey(target)));
            return;
        }
        String uploadId = S3Calls.call(target, () -> client.createMultipartUpload(b -> b.bucket(bucket).key(target)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long start = 0; start < size; start += copyPartBytes) {
                int number = parts.size() + 1;
                String range = "bytes=" + start + "-" + (Math.min(start + copyPartBytes, size) - 1);
                String etag = S3Calls.call(source, () -> client.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(source)
                        .destinationBucket(bucket).destinationKey(target).uploadId(uploadId).partNumber(number)
                        .copySourceRange(range)).copyPartResult().eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            S3Calls.call(target, () -> client.completeMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the bucket's lifecycle rule for incomplete uploads removes it
            }
            throw e;
        }
    }
}
