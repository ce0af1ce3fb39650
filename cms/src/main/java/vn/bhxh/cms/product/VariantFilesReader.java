package vn.bhxh.cms.product;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.AssetFiles;
import vn.bhxh.media.derive.ThumbnailSize;

/** Looks up the asset records of a variant's files for the pages. */
@Component
public class VariantFilesReader {

    private final AssetFiles files;

    VariantFilesReader(AssetFiles files) {
        this.files = files;
    }

    public List<AssetView> of(Variant variant) {
        return variant.content().assets().stream().map(this::view).toList();
    }

    private AssetView view(AssetRef ref) {
        try {
            Asset asset = files.get(ref.assetId());
            return new AssetView(ref.assetId(), ref.role(), asset, files.hasThumbnail(asset, ThumbnailSize.MEDIUM), false);
        } catch (NotFoundException e) {
            return new AssetView(ref.assetId(), ref.role(), null, false, true);
        }
    }
}
