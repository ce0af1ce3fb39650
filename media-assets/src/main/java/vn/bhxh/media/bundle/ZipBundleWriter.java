package vn.bhxh.media.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.bhxh.media.FileNames;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.BlobInfo;
import vn.bhxh.media.store.BlobStore;

/**
 * Streams a selection of stored files as one ZIP straight to the client: no temporary file, memory
 * bounded by one copy buffer whatever the total size. The manifest comes first so a reader can check
 * each file as it arrives; its checksums are the content addresses, and every file is re-hashed
 * while it streams so a damaged blob aborts the download instead of delivering wrong bytes.
 */
public final class ZipBundleWriter {

    public static final String MANIFEST = "manifest.json";

    private final BlobStore store;

    public ZipBundleWriter(BlobStore store) {
        this.store = store;
    }

    /** Writes the ZIP to {@code out} and finishes it; {@code out} is left open for the caller. */
    public void write(String title, List<BundleEntry> entries, OutputStream out) throws IOException {
        List<String> paths = entryPaths(entries);
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_COMPRESSION);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest(title, entries, paths).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        // Audio, video, JPEG and PDF are compressed already: storing-level deflate costs no CPU.
        zip.setLevel(Deflater.NO_COMPRESSION);
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < entries.size(); i++) {
            BlobId id = entries.get(i).blob();
            zip.putNextEntry(new ZipEntry(paths.get(i)));
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(store.open(id), sha256)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    zip.write(buffer, 0, read);
                }
            }
            if (!BlobId.fromDigest(sha256.digest()).equals(id)) {
                throw new IOException("Stored blob " + id + " is damaged: its content no longer matches its checksum");
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** language/product/file name, each part a safe single segment, duplicates numbered. */
    static List<String> entryPaths(List<BundleEntry> entries) {
        List<String> paths = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (BundleEntry entry : entries) {
            String base = FileNames.toSafeSegment(entry.language()) + "/" + FileNames.toSafeSegment(entry.product()) + "/";
            String name = FileNames.toSafeSegment(entry.fileName());
            String candidate = base + name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                int dot = name.lastIndexOf('.');
                candidate = dot > 0 ? base + name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : base + name + " (" + n + ")";
            }
            paths.add(candidate);
        }
        return paths;
    }

    private String manifest(String title, List<BundleEntry> entries, List<String> paths) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"title\": ").append(Json.string(title)).append(",\n  \"files\": [");
        for (int i = 0; i < entries.size(); i++) {
            BundleEntry entry = entries.get(i);
            BlobInfo info = store.find(entry.blob())
                    .orElseThrow(() -> new IOException("Blob " + entry.blob() + " is not in the store"));
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"path\": ").append(Json.string(paths.get(i)))
                    .append(", \"product\": ").append(Json.string(entry.product()))
                    .append(", \"language\": ").append(Json.string(entry.language()))
                    .append(", \"version\": ").append(entry.version())
                    .append(", \"fileName\": ").append(Json.string(entry.fileName()))
                    .append(", \"size\": ").append(info.size())
                    .append(", \"sha256\": ").append(Json.string(entry.blob().sha256()))
                    .append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ZipOutputStream closes what it wraps; the response stream belongs to the caller. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
