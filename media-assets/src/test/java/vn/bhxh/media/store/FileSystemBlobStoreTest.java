package vn.bhxh.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesUnderTheSha256OfTheContentAndReadsItBack() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = "Bảo hiểm xã hội tự nguyện".getBytes(StandardCharsets.UTF_8);

        BlobInfo info;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), 1000)) {
            info = staged.commit();
        }

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(info.id().sha256()).isEqualTo(expected);
        assertThat(info.size()).isEqualTo(content.length);
        try (InputStream in = store.open(info.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.pathOf(info.id())).startsWith(root.resolve("blobs"));
    }

    @Test
    void stagedContentIsInvisibleUntilCommittedAndGoneWhenDiscarded() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        BlobId id;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)) {
            id = staged.id();
            assertThat(store.find(id)).isEmpty();
            try (InputStream in = staged.open()) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
        }
        assertThat(store.find(id)).isEmpty();
        assertThat(filesUnder(store.temporaryDirectory())).isEmpty();
    }

    @Test
    void identicalContentIsStoredOnce() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[100_000];
        BlobId first;
        BlobId second;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), content.length)) {
            first = staged.commit().id();
        }
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), content.length)) {
            second = staged.commit().id();
        }
        assertThat(second).isEqualTo(first);
        assertThat(filesUnder(root.resolve("blobs"))).hasSize(1);
        assertThat(filesUnder(store.temporaryDirectory())).isEmpty();
    }

    @Test
    void theSizeLimitIsExactAndOverflowLeavesNothingBehind() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[1024]), 1024)) {
            assertThat(staged.size()).isEqualTo(1024);
        }
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(filesUnder(store.temporaryDirectory())).isEmpty();
        assertThat(filesUnder(root.resolve("blobs"))).isEmpty();
    }

    @Test
    void rangeReadsReturnExactlyTheRequestedBytes() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        BlobId id;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), 1000)) {
            id = staged.commit().id();
        }
        try (InputStream in = store.open(id, 250, 6)) {
            assertThat(in.readAllBytes()).containsExactly(250, 251, 252, 253, 254, 255);
        }
        try (InputStream in = store.open(id, 256, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.open(id, 250, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathTraversalIdsAreRefusedBeforeTouchingTheFileSystem() {
        for (String hostile : List.of("../../etc/passwd", "..%2F..%2Fetc", "/etc/passwd",
                "a".repeat(63) + "/", "A".repeat(64).replace('A', 'g'), "", "aa/../" + "a".repeat(58))) {
            assertThatThrownBy(() -> BlobId.parse(hostile))
                    .as(hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BlobId.parse("AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void concurrentWritersOfTheSameContentAgreeAndLeaveOneWholeFile() throws Exception {
        // Two store instances over one directory stand for two application instances.
        FileSystemBlobStore first = new FileSystemBlobStore(root);
        FileSystemBlobStore second = new FileSystemBlobStore(root);
        byte[] content = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(content);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<BlobId>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                FileSystemBlobStore store = i % 2 == 0 ? first : second;
                writers.add(() -> {
                    try (StagedBlob staged = store.stage(new ByteArrayInputStream(content), content.length)) {
                        return staged.commit().id();
                    }
                });
            }
            List<BlobId> ids = new ArrayList<>();
            for (Future<BlobId> result : pool.invokeAll(writers)) {
                ids.add(result.get());
            }
            assertThat(ids).containsOnly(ids.getFirst());
            try (InputStream in = second.open(ids.getFirst())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(filesUnder(root.resolve("tmp"))).isEmpty();
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
