package vn.bhxh.cms.product;

import vn.bhxh.cms.asset.Asset;

/**
 * A file of a variant as a page shows it: its role and how to preview it (image or PDF page thumbnail, audio or
 * video player). {@code missing} when the record is gone (the page says so instead of failing).
 */
public record AssetView(String assetId, String role, Asset asset, boolean thumbnail, boolean missing) {

    public boolean audio() {
        return asset != null && asset.mediaType() != null && asset.mediaType().startsWith("audio/");
    }

    public boolean video() {
        return asset != null && asset.mediaType() != null && asset.mediaType().startsWith("video/");
    }

    public boolean pdf() {
        return asset != null && "application/pdf".equals(asset.mediaType());
    }
}
