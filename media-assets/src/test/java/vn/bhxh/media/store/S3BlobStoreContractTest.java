package vn.bhxh.media.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The same contract against a real S3-protocol server: s3proxy, in this JVM on a free loopback port,
 * keeping its objects in a temporary directory. Each test has its own key prefix in the one bucket.
 */
class S3BlobStoreContractTest extends BlobStoreContract {

    private static final String BUCKET = "bhxh-media";
    private static final String ACCESS_KEY = "bhxh-test";
    private static final String SECRET_KEY = "bhxh-test-secret";

    private static Path serverDirectory;
    private static BlobStoreContext backend;
    private static S3Proxy server;
    private static S3Client client;

    private String prefix;

    @BeforeAll
    static void startServer() throws Exception {
        serverDirectory = Files.createTempDirectory("s3proxy-");
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", serverDirectory.toString());
        backend = ContextBuilder.newBuilder("filesystem").overrides(overrides).build(BlobStoreContext.class);
        server = S3Proxy.builder()
                .blobStore(backend.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.onSpinWait();
        }
        S3Settings settings = new S3Settings(URI.create("http://127.0.0.1:" + server.getPort()), "us-east-1", BUCKET,
                ACCESS_KEY, SECRET_KEY, true, "");
        client = settings.newClient();
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        server.stop();
        backend.close();
        try (Stream<Path> files = Files.walk(serverDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @BeforeEach
    void ownPrefix() {
        prefix = "test-" + UUID.randomUUID() + "/";
    }

    @Test
    void aStagedFileAboveTheSingleCopyLimitReachesItsContentKeyPartByPart() throws Exception {
        byte[] content = new byte[11 * 1024 * 1024 + 123];
        new Random(7).nextBytes(content);
        String staging = prefix + "staging/large";
        client.putObject(b -> b.bucket(BUCKET).key(staging), RequestBody.fromBytes(content));

        new S3Copier(client, BUCKET, 5 * 1024 * 1024, 5 * 1024 * 1024).copy(staging, prefix + "blobs/large", content.length);

        assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "blobs/large")).asByteArray()).isEqualTo(content);
    }

    @Override
    MediaStorage instance() {
        return MediaStorage.onS3(client, BUCKET, prefix);
    }

    @Override
    List<String> storedBlobs() throws IOException {
        return keys(prefix + "blobs/");
    }

    @Override
    List<String> stagingLeftovers() throws IOException {
        return keys(prefix + "staging/");
    }

    private static List<String> keys(String keyPrefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(keyPrefix)).contents().stream().map(S3Object::key).toList();
    }
}
