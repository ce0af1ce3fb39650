package vn.bhxh.cms.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhxh.publisher.crypto.CredentialCipher;

/**
 * Where the credentials key comes from: the configuration (production: an environment variable or a secret store),
 * else a key file made on first start so that a development machine needs no setup. Losing the key loses the stored
 * credentials (targets must be reconnected), never the content.
 */
final class CredentialKeys {

    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);

    private CredentialKeys() {
    }

    static CredentialCipher cipher(PublishingProperties properties) throws IOException {
        if (properties.credentialsKey() != null && !properties.credentialsKey().isBlank()) {
            return new CredentialCipher(properties.credentialsKey());
        }
        Path file = properties.credentialsKeyFile().toAbsolutePath();
        if (!Files.exists(file)) {
            create(file);
        }
        return new CredentialCipher(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "credentials", ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, CredentialCipher.newKey(), StandardCharsets.US_ASCII);
            // Two instances starting together on a shared directory: the first key written wins, the other reads it.
            Files.move(temporary, file);
            log.warn("Created a credentials key in {}; in production set bhxh.publishing.credentials-key instead", file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        }
    }
}
