package vn.bhxh.media.store;

/** One object found by {@link ObjectStore#list}. */
public record StoredObject(String key, long size) {
}
