package vn.bhxh.cms.elasticsearch;

import java.util.Map;

/**
 * An index the application manages: its alias (the name every store uses), the version of its mapping, and its
 * settings and mappings. The index behind the alias is {@code <alias>-v<version>}; raising the version makes the next
 * start copy the documents into a new index with the new mapping (see {@link IndexLifecycle}).
 *
 * @param alias the name stores read and write through, such as {@code products}
 * @param version the mapping's version, from 1; raise it with every change of mapping or analysis settings
 * @param settings index settings (flat keys such as {@code index.number_of_shards}); replicas and refresh interval
 *                 come from the configuration
 * @param mappings the {@code mappings} object
 */
public record IndexDefinition(String alias, int version, Map<String, Object> settings, Map<String, Object> mappings) {

    public IndexDefinition {
        if (version < 1) {
            throw new IllegalArgumentException("The mapping version of " + alias + " must be 1 or more, was " + version);
        }
        settings = Map.copyOf(settings);
        mappings = Map.copyOf(mappings);
    }

    /** The concrete index that holds this version's documents. */
    public String versionedIndex() {
        return alias + "-v" + version;
    }
}
