package vn.bhxh.templates.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where template overrides and their history are kept. The library ships an in-memory implementation;
 * the cms will implement this over Elasticsearch. Validation happens before {@link #append}: a repository
 * only stores.
 */
public interface TemplateRepository {

    /** The newest version of the key, if it was ever overridden. */
    Optional<TemplateVersion> latest(TemplateKey key);

    /** All versions of the key, oldest first. */
    List<TemplateVersion> history(TemplateKey key);

    /** Every key that has at least one version. */
    List<TemplateKey> keys();

    /**
     * Stores the next version.
     *
     * @param expectedLatestVersion the version the editor started from (0 for none): a different latest
     *                              version means someone else saved meanwhile
     * @param source                the template text, or empty to remove the override
     * @throws ConcurrentTemplateChangeException when expectedLatestVersion is not the latest
     */
    TemplateVersion append(TemplateKey key, int expectedLatestVersion, Optional<String> source, String savedBy, Instant savedAt);
}
