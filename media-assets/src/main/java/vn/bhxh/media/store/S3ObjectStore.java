package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Objects in an S3 bucket under a key prefix. Scratch files are the system's temporary files. */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    /** @param prefix {@code ""} or ending in '/' */
    public S3ObjectStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Path newScratchFile(String key) throws IOException {
        ObjectStore.checkKey(key);
        return Files.createTempFile("bhxh-object-", ".tmp");
    }

    @Override
    public void put(String key, Path scratchFile) throws IOException {
        try {
            String full = fullKey(key);
            S3Calls.call(full, () -> client.putObject(b -> b.bucket(bucket).key(full), RequestBody.fromFile(scratchFile)));
        } finally {
            Files.deleteIfExists(scratchFile);
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        String full = fullKey(key);
        S3Calls.call(full, () -> client.putObject(b -> b.bucket(bucket).key(full), RequestBody.fromBytes(content)));
    }

    @Override
    public InputStream open(String key) throws IOException {
        String full = fullKey(key);
        return S3Calls.call(full, () -> client.getObject(b -> b.bucket(bucket).key(full)));
    }

    @Override
    public List<StoredObject> list(String keyPrefix) throws IOException {
        String full = prefix + keyPrefix;
        return S3Calls.call(full, () -> client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(full)).contents().stream()
                .map(object -> new StoredObject(object.key().substring(prefix.length()), object.size()))
                .sorted(Comparator.comparing(StoredObject::key))
                .toList());
    }

    @Override
    public void delete(String key) throws IOException {
        String full = fullKey(key);
        S3Calls.call(full, () -> client.deleteObject(b -> b.bucket(bucket).key(full)));
    }

    private String fullKey(String key) {
        return prefix + ObjectStore.checkKey(key);
    }
}
