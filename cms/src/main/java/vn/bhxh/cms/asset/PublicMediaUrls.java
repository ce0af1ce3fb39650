package vn.bhxh.cms.asset;

import vn.bhxh.cms.asset.VariantMedia.MediaFile;

/**
 * Where remote services (Facebook, Zalo, portals, the app) fetch a public file: the address this CMS is reached at
 * from outside, then the file's public path. The address is configured with publishing ({@code bhxh.publishing.public-base-url}).
 */
public record PublicMediaUrls(String baseUrl) {

    public PublicMediaUrls {
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public String of(MediaFile file) {
        return baseUrl + file.publicPath();
    }
}
