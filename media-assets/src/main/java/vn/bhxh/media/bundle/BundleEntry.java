package vn.bhxh.media.bundle;

import vn.bhxh.media.store.BlobId;

/**
 * One file of a bundle, as the manifest lists it. {@code fileName} is the original name; the ZIP
 * entry name is made safe from it.
 */
public record BundleEntry(String product, String language, int version, String fileName, BlobId blob) {
}
