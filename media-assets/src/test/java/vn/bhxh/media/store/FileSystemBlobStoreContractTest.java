package vn.bhxh.media.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: one directory (local disk or NFS) shared by every instance. */
class FileSystemBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path directory;

    @Override
    MediaStorage instance() throws IOException {
        return MediaStorage.inDirectory(directory);
    }

    @Override
    List<String> storedBlobs() throws IOException {
        return files(directory.resolve("store/blobs"));
    }

    @Override
    List<String> stagingLeftovers() throws IOException {
        return files(directory.resolve("store/tmp"));
    }

    private static List<String> files(Path under) throws IOException {
        if (!Files.isDirectory(under)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(Files::isRegularFile).map(file -> under.relativize(file).toString()).toList();
        }
    }
}
