package vn.bhxh.cms.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups go and where one is restored from.
 *
 * @param directory every backup: {@code <name>/manifest.json}, the files in {@code files/<sha256>} (each stored once,
 *                  shared by the backups that hold it) and, unless {@code elasticsearchLocation} says otherwise, the
 *                  snapshot repository in {@code elasticsearch/}
 * @param elasticsearchLocation the snapshot repository's directory as the Elasticsearch nodes see it; it must be in
 *                              their {@code path.repo} (the managed node is started with it). Empty for
 *                              {@code <directory>/elasticsearch}
 * @param restoreFrom the name of a backup in {@code directory} to restore at start, into an empty installation only
 */
@ConfigurationProperties("bhxh.backup")
public record BackupProperties(
        @DefaultValue("./data/backups") Path directory,
        @DefaultValue("") String elasticsearchLocation,
        @DefaultValue("") String restoreFrom) {

    /** The snapshot repository's location. */
    public String repositoryLocation() {
        return elasticsearchLocation.isBlank() ? directory.resolve("elasticsearch").toAbsolutePath().normalize().toString()
                : elasticsearchLocation;
    }
}
