package vn.bhxh.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Objects as files under a directory (local disk or NFS), the key being the relative path. Scratch files
 * are hidden files ('.' first, which no key has) beside their object, so publishing is one rename on the
 * same file system and listings never show them.
 */
public final class DirectoryObjectStore implements ObjectStore {

    private final Path root;

    public DirectoryObjectStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public Path newScratchFile(String key) throws IOException {
        Path directory = Files.createDirectories(pathOf(key).getParent());
        return Files.createTempFile(directory, ".", ".tmp");
    }

    @Override
    public void put(String key, Path scratchFile) throws IOException {
        Path target = pathOf(key);
        try {
            AtomicFiles.fsync(scratchFile);
            AtomicFiles.publish(scratchFile, target);
        } finally {
            Files.deleteIfExists(scratchFile);
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path scratch = newScratchFile(key);
        Files.write(scratch, content);
        put(key, scratch);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : pathOf(prefix.substring(0, slash));
        List<StoredObject> found = new ArrayList<>();
        if (!Files.isDirectory(start)) {
            return found;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return isHidden(directory) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String key = keyOf(file);
                if (attributes.isRegularFile() && !isHidden(file) && key.startsWith(prefix)) {
                    found.add(new StoredObject(key, attributes.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // Removed by another instance while we walked: it is simply not listed.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        found.sort(Comparator.comparing(StoredObject::key));
        return found;
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = pathOf(key);
        Files.deleteIfExists(file);
        // Empty directories go too, so a removed upload leaves nothing behind.
        for (Path directory = file.getParent(); !directory.equals(root); directory = directory.getParent()) {
            try {
                Files.deleteIfExists(directory);
            } catch (DirectoryNotEmptyException inUse) {
                return;
            }
        }
    }

    private Path pathOf(String key) {
        return root.resolve(ObjectStore.checkKey(key));
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private boolean isHidden(Path path) {
        return !path.equals(root) && path.getFileName().toString().startsWith(".");
    }
}
