package vn.bhxh.elasticsearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks the Elasticsearch zip once into an install directory. Unpacking goes to a sibling temporary
 * directory that is renamed into place, so a half-unpacked distribution is never used and two
 * processes unpacking at the same time do not disturb each other.
 */
final class Distribution {

    private Distribution() {
    }

    /** The unpacked distribution's home (the directory holding {@code bin/elasticsearch}). */
    static Path unpack(Path zip, Path installDirectory) {
        if (!Files.isRegularFile(zip)) {
            throw new ElasticsearchNodeException("The Elasticsearch distribution " + zip + " does not exist: build the project once"
                    + " with ./mvnw (it downloads org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip) or set its path.");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = installDirectory.resolve(name);
        if (Files.isExecutable(target.resolve("bin/elasticsearch"))) {
            return target;
        }
        try {
            Files.createDirectories(installDirectory);
            makeTraversable(installDirectory);
            Path staging = Files.createTempDirectory(installDirectory, name + ".unpacking-");
            extract(zip, staging);
            Path unpackedRoot = singleTopLevelDirectory(staging);
            try {
                Files.move(unpackedRoot, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // Another process finished first; its copy is as good as ours.
            }
            deleteRecursively(staging);
            return target;
        } catch (IOException e) {
            throw new ElasticsearchNodeException("Could not unpack " + zip + " into " + installDirectory + ": " + e, e);
        }
    }

    private static void extract(Path zip, Path destination) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = destination.resolve(entry.getName()).normalize();
                if (!out.startsWith(destination)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                // The zip keeps no usable modes for java.util.zip: scripts in bin/ must run, everything must be
                // readable by the unprivileged user the node may run as.
                boolean executable = out.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (Stream<Path> all = Files.walk(destination)) {
            for (Path dir : all.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Path singleTopLevelDirectory(Path staging) throws IOException {
        try (Stream<Path> children = Files.list(staging)) {
            var dirs = children.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IOException("expected one top-level directory in the distribution, found " + dirs);
            }
            return dirs.getFirst();
        }
    }

    static void makeTraversable(Path directory) throws IOException {
        var permissions = Files.getPosixFilePermissions(directory);
        permissions.addAll(PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(directory, permissions);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Left-over temporary files are harmless; the next run cleans its own.
        }
    }
}
