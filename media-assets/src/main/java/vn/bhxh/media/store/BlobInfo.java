package vn.bhxh.media.store;

/** What the store knows of a committed blob. */
public record BlobInfo(BlobId id, long size) {
}
