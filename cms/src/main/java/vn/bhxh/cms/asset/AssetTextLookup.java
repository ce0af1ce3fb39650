package vn.bhxh.cms.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.product.AssetRef;
import vn.bhxh.cms.product.VariantFiles;

/** Links products to their files: the files' text feeds product search, and each asset lists the products using it. */
@Component
class AssetTextLookup implements VariantFiles {

    /** Enough for a folded leaflet or a handbook chapter; longer texts are cut to keep variant documents small. */
    static final int MAX_TEXT = 100_000;

    private final AssetStore assets;

    AssetTextLookup(AssetStore assets) {
        this.assets = assets;
    }

    @Override
    public String textOf(List<AssetRef> refs) {
        String text = refs.stream().map(ref -> assets.find(ref.assetId()).map(Asset::text).orElse(null))
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    @Override
    public void markUsedBy(String productId, List<AssetRef> refs) {
        for (AssetRef ref : refs) {
            Asset asset = assets.find(ref.assetId()).orElseThrow(() -> new BadRequestException("unknown-asset", ref.assetId()));
            List<String> users = asset.usedByProducts() == null ? new ArrayList<>() : new ArrayList<>(asset.usedByProducts());
            if (!users.contains(productId)) {
                users.add(productId);
                assets.save(asset.usedBy(users));
            }
        }
    }
}
