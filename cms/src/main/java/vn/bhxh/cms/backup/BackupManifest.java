package vn.bhxh.cms.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one backup holds, written last as {@code <name>/manifest.json}: a backup without it is incomplete.
 *
 * @param name the backup's name (its directory), also its snapshot's name
 * @param indices the concrete indices in the snapshot, each restored behind its alias
 * @param documents documents per alias when the snapshot was taken
 * @param files the SHA-256 of every file the assets refer to, copied to {@code files/<sha256>}
 * @param bytes the files' total size
 */
public record BackupManifest(String name, Instant createdAt, String createdBy, List<String> indices, Map<String, Long> documents,
        List<String> files, long bytes) {
}
