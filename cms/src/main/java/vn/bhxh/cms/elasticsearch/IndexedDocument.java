package vn.bhxh.cms.elasticsearch;

/** A document class whose index {@link IndexInitializer} creates; each feature declares its own as a bean. */
public record IndexedDocument(Class<?> type) {
}
