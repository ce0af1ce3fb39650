package vn.bhxh.media.store;

import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything the media module keeps, on one backend: the blobs, the derivative index and the
 * resumable uploads in progress. Every instance configured with the same backend shares all of it.
 */
public record MediaStorage(BlobStore blobs, ObjectStore derivatives, ObjectStore uploads) {

    /** The embedded default: {@code directory/store} (blobs, {@code derived/}) and {@code directory/uploads}. */
    public static MediaStorage inDirectory(Path directory) throws IOException {
        Path store = directory.resolve("store");
        return new MediaStorage(new FileSystemBlobStore(store), new DirectoryObjectStore(store.resolve("derived")),
                new DirectoryObjectStore(directory.resolve("uploads")));
    }

    /** One bucket: {@code <prefix>blobs/}, {@code <prefix>derived/}, {@code <prefix>uploads/}. */
    public static MediaStorage onS3(S3Settings settings) {
        return onS3(settings.newClient(), settings.bucket(), settings.prefix());
    }

    public static MediaStorage onS3(S3Client client, String bucket, String prefix) {
        return new MediaStorage(new S3BlobStore(client, bucket, prefix), new S3ObjectStore(client, bucket, prefix + "derived/"),
                new S3ObjectStore(client, bucket, prefix + "uploads/"));
    }
}
