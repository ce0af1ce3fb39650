package vn.bhxh.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the directory store has; everything every store must do is in {@link BlobStoreContract}. */
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
    void pathTraversalIdsAreRefusedBeforeTouchingTheFileSystem() {
        for (String hostile : List.of("../../etc/passwd", "..%2F..%2Fetc", "/etc/passwd",
                "a".repeat(63) + "/", "A".repeat(64).replace('A', 'g'), "", "aa/../" + "a".repeat(58))) {
            assertThatThrownBy(() -> BlobId.parse(hostile))
                    .as(hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BlobId.parse("AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
        for (String hostile : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/", ".hidden", "A", "a\\b")) {
            assertThatThrownBy(() -> ObjectStore.checkKey(hostile)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ObjectStore.checkKey("ab/" + "c".repeat(64) + "/thumbnailsize-small")).startsWith("ab/");
    }
}
