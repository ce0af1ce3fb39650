package vn.bhxh.cms.backup;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.ElasticsearchRequests;
import vn.bhxh.cms.elasticsearch.IndexDefinition;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.IndexPreparation;
import vn.bhxh.cms.elasticsearch.Snapshots;
import vn.bhxh.cms.elasticsearch.StartupRefusedException;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.BlobStore;
import vn.bhxh.media.store.MediaStorage;
import vn.bhxh.media.store.StagedBlob;

/**
 * Backs up the whole installation into {@code bhxh.backup.directory}: a snapshot of every index of the application
 * (Elasticsearch's own, in a filesystem repository, so a backup is consistent per index and incremental) and a copy of
 * every file the assets refer to, each checked against its SHA-256; the manifest is written last. Restores one into an
 * empty installation at start ({@code bhxh.backup.restore-from}), before the indices are created, so the indices come
 * back as they were and are then migrated like any older installation's.
 */
@Service
public class BackupService implements IndexPreparation {

    /** Names made here: a UTC time to the millisecond, which sorts as the backups were made. */
    private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("'backup-'yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final Pattern NAME = Pattern.compile("backup-\\d{8}-\\d{6}-\\d{3}");
    private static final String MARKER_INDEX = "startup-lock";
    private static final String MARKER_ID = "restored-from";
    private static final Duration PATIENCE = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final BackupProperties properties;
    private final IndexInitializer indices;
    private final ElasticsearchRequests elasticsearch;
    private final Snapshots snapshots;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    BackupService(BackupProperties properties, IndexInitializer indices, Rest5Client client, MediaStorage storage, AuditLog audit,
            JsonMapper json, Clock clock) {
        this.properties = properties;
        this.indices = indices;
        // A restore waits for every shard to be recovered: far longer than any request a user makes.
        this.elasticsearch = new ElasticsearchRequests(client, PATIENCE);
        this.snapshots = new Snapshots(elasticsearch, properties.repositoryLocation());
        this.blobs = storage.blobs();
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Makes a backup now; answers its manifest. */
    public BackupManifest create(String actor) {
        indices.requireReady();
        String name = NAMES.format(clock.instant());
        Map<String, String> concrete = new LinkedHashMap<>();
        for (IndexDefinition definition : indices.definitions()) {
            concrete.put(definition.alias(), indexBehind(definition.alias()));
        }
        Map<String, Long> documents = new LinkedHashMap<>();
        concrete.forEach((alias, index) -> documents.put(alias,
                elasticsearch.send("GET", "/" + index + "/_count", null).path("count").asLong()));
        List<String> snapshotIndices = snapshots.create(name, List.copyOf(concrete.values()), PATIENCE);
        // Listed after the snapshot: every asset in it is listed (files are immutable, written before their asset).
        List<String> files = List.copyOf(filesOfAssets());
        long bytes = 0;
        for (String sha256 : files) {
            bytes += copyOut(sha256);
        }
        BackupManifest manifest = new BackupManifest(name, clock.instant(), actor, snapshotIndices, documents, files, bytes);
        writeManifest(manifest);
        audit.record(actor, AuditAction.BACKUP_CREATED, null, null, null, null, null,
                "Sao lưu " + name + ": " + snapshotIndices.size() + " chỉ mục, " + files.size() + " tệp, " + bytes + " byte");
        log.info("Backup {} made: {} indices, {} files ({} bytes) in {}", name, snapshotIndices.size(), files.size(), bytes,
                properties.directory());
        return manifest;
    }

    /** The complete backups in the directory, newest first. */
    public List<BackupManifest> list() {
        Path directory = properties.directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .map(p -> readManifest(p.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .sorted((a, b) -> b.name().compareTo(a.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<BackupManifest> find(String name) {
        return NAME.matcher(name).matches() ? readManifest(name) : Optional.empty();
    }

    /**
     * With {@code bhxh.backup.restore-from} set: restores that backup, files first, then the indices, unless this
     * installation was restored from it already (another instance started with the same settings). Refuses an
     * installation that holds any index of the application.
     */
    @Override
    public void beforeIndices(List<IndexDefinition> definitions) {
        String name = properties.restoreFrom();
        if (name.isBlank()) {
            return;
        }
        if (restoredFrom().filter(name::equals).isPresent()) {
            return;
        }
        BackupManifest manifest = find(name).orElseThrow(() -> new StartupRefusedException("bhxh.backup.restore-from=" + name
                + " names no complete backup in " + properties.directory().toAbsolutePath() + " (no " + name + "/manifest.json)"));
        List<String> present = definitions.stream().map(IndexDefinition::alias).filter(elasticsearch::exists).toList();
        if (!present.isEmpty()) {
            throw new StartupRefusedException("bhxh.backup.restore-from is set, but this installation is not empty (it has the"
                    + " indices " + present + "): restore only into an empty installation, or remove the setting");
        }
        long started = System.nanoTime();
        for (String sha256 : manifest.files()) {
            copyIn(sha256);
        }
        snapshots.restore(manifest.name());
        elasticsearch.send("PUT", "/" + MARKER_INDEX + "/_doc/" + MARKER_ID + "?refresh=true",
                Map.of("backup", manifest.name(), "at", clock.instant().toString()));
        log.info("Restored backup {}: {} indices, {} files in {} ms", manifest.name(), manifest.indices().size(),
                manifest.files().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private Optional<String> restoredFrom() {
        return elasticsearch.sendAllowing("GET", "/" + MARKER_INDEX + "/_doc/" + MARKER_ID, null, Set.of(404))
                .map(doc -> doc.path("_source").path("backup").asString(""));
    }

    private String indexBehind(String alias) {
        JsonNode answer = elasticsearch.send("GET", "/_alias/" + alias, null);
        return answer.propertyNames().iterator().next();
    }

    /** Every file an asset refers to: its original and its previews. */
    private TreeSet<String> filesOfAssets() {
        TreeSet<String> files = new TreeSet<>();
        elasticsearch.scroll("assets", Map.of("_source", List.of("sha256", "thumbnails")), 500, hits -> {
            for (JsonNode hit : hits) {
                JsonNode source = hit.path("_source");
                addIfPresent(files, source.path("sha256"));
                source.path("thumbnails").forEach(thumbnail -> addIfPresent(files, thumbnail));
            }
        });
        return files;
    }

    private static void addIfPresent(TreeSet<String> files, JsonNode sha256) {
        if (sha256.isString() && !sha256.asString().isBlank()) {
            files.add(sha256.asString());
        }
    }

    /** Copies a file into {@code files/<sha256>} unless an earlier backup holds it already; checks what it wrote. */
    private long copyOut(String sha256) {
        Path target = filesDirectory().resolve(BlobId.parse(sha256).sha256());
        try {
            if (Files.exists(target)) {
                return Files.size(target);
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            String written;
            try (InputStream in = blobs.open(BlobId.parse(sha256)); OutputStream out = Files.newOutputStream(partial)) {
                written = copyHashing(in, out);
            }
            if (!written.equals(sha256)) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("The stored file " + sha256 + " reads back as " + written);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(target);
        } catch (NoSuchFileException e) {
            log.warn("File {} was removed from the store after the snapshot; the backup does not hold it", sha256);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy file " + sha256 + " into the backup", e);
        }
    }

    /** Puts a file of the backup into the blob store; the store names it by its content, checked against the manifest. */
    private void copyIn(String sha256) {
        BlobId id = BlobId.parse(sha256);
        Path source = filesDirectory().resolve(id.sha256());
        try {
            if (blobs.find(id).isPresent()) {
                return;
            }
            if (!Files.exists(source)) {
                log.warn("The backup does not hold file {}; its asset is restored without it", sha256);
                return;
            }
            try (InputStream in = Files.newInputStream(source); StagedBlob staged = blobs.stage(in, Long.MAX_VALUE)) {
                if (!staged.id().equals(id)) {
                    throw new StartupRefusedException("The backup's file " + sha256 + " is damaged: its content hashes to "
                            + staged.id() + "; nothing was restored");
                }
                staged.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore file " + sha256, e);
        }
    }

    private static String copyHashing(InputStream in, OutputStream out) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
            digesting.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private Path filesDirectory() {
        return properties.directory().resolve("files");
    }

    private void writeManifest(BackupManifest manifest) {
        Path directory = properties.directory().resolve(manifest.name());
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve("manifest.json.partial");
            Files.writeString(partial, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            Files.move(partial, directory.resolve("manifest.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup's manifest in " + directory, e);
        }
    }

    private Optional<BackupManifest> readManifest(String name) {
        Path manifest = properties.directory().resolve(name).resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readString(manifest), BackupManifest.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
