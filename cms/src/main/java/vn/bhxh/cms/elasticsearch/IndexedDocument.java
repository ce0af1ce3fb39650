package vn.bhxh.cms.elasticsearch;

/**
 * A document class whose index {@link IndexInitializer} creates and migrates; each feature declares its own as a bean.
 *
 * @param type the Spring Data document class; its {@code @Document(indexName)} is the alias
 * @param mappingVersion the version of its mapping: raise it whenever a field's mapping or the index's analysis
 *                       settings change, and the next start moves the documents into an index with the new mapping
 */
public record IndexedDocument(Class<?> type, int mappingVersion) {

    public IndexedDocument(Class<?> type) {
        this(type, 1);
    }
}
