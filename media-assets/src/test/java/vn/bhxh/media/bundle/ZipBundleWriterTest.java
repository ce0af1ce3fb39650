package vn.bhxh.media.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.FileSystemBlobStore;
import vn.bhxh.media.store.StagedBlob;

class ZipBundleWriterTest {

    @TempDir
    Path dir;

    @Test
    void aBundleHasTheManifestFirstThenEveryFileWithItsChecksum() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        BlobId leaflet = put(store, "tờ rơi tiếng Tày");
        BlobId radio = put(store, "tin phát thanh tiếng Tày");
        List<BundleEntry> entries = List.of(
                new BundleEntry("Vì sao không nên nhận BHXH một lần", "Tày", 3, "Tờ rơi – bản in.pdf", leaflet),
                new BundleEntry("Tin phát thanh tháng 5", "Tày", 1, "../../etc/passwd", radio),
                new BundleEntry("Tin phát thanh tháng 5", "Tày", 2, "..\\..\\passwd", radio));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new ZipBundleWriter(store).write("Đợt cao điểm tháng 5 – tiếng Tày", entries, zip);

        Map<String, byte[]> files = unzip(zip.toByteArray());
        List<String> names = new ArrayList<>(files.keySet());
        assertThat(names).containsExactly("manifest.json",
                "Tày/Vì sao không nên nhận BHXH một lần/Tờ rơi – bản in.pdf",
                "Tày/Tin phát thanh tháng 5/_.._etc_passwd",
                "Tày/Tin phát thanh tháng 5/_.._passwd");
        assertThat(names).noneMatch(name -> name.startsWith("/") || name.contains("../") || name.contains("\\"));

        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"title\": \"Đợt cao điểm tháng 5 – tiếng Tày\"")
                .contains("\"product\": \"Vì sao không nên nhận BHXH một lần\", \"language\": \"Tày\", \"version\": 3, "
                        + "\"fileName\": \"Tờ rơi – bản in.pdf\", \"size\": " + "tờ rơi tiếng Tày".getBytes(StandardCharsets.UTF_8).length
                        + ", \"sha256\": \"" + leaflet + "\"")
                .contains("\"fileName\": \"..\\\\..\\\\passwd\"");
        for (String name : names.subList(1, names.size())) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(name)));
            assertThat(manifest).contains("\"path\": \"" + name.replace("\\", "\\\\") + "\"").contains(sha);
        }
    }

    @Test
    void aDamagedBlobAbortsTheBundleInsteadOfDeliveringWrongBytes() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        BlobId id = put(store, "nội dung gốc");
        String hex = id.sha256();
        Files.writeString(dir.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex), "bị hỏng");
        assertThatThrownBy(() -> new ZipBundleWriter(store).write("x", List.of(new BundleEntry("p", "vi", 1, "a.pdf", id)),
                new ByteArrayOutputStream())).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    private static BlobId put(FileSystemBlobStore store, String content) throws IOException {
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1000)) {
            return staged.commit().id();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
