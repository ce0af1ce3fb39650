package vn.bhxh.cms.product;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.FileAccess;
import vn.bhxh.cms.security.Actor;

/** A file is read through the variants that list it now, by {@link ProductAccess}'s rules. */
@Component
class ProductFileAccess implements FileAccess {

    private final ProductStore store;
    private final ProductAccess access;

    ProductFileAccess(ProductStore store, ProductAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public boolean mayRead(Actor actor, Asset asset) {
        return access.canReadFile(actor, asset, listing(asset));
    }

    @Override
    public boolean isPublic(Asset asset) {
        return access.isPublicFile(asset, listing(asset));
    }

    /** The variants of the products recorded as using the file that list it now (a later edit may have removed it). */
    private List<Variant> listing(Asset asset) {
        if (asset.usedByProducts() == null) {
            return List.of();
        }
        return asset.usedByProducts().stream().flatMap(productId -> store.variants(productId).stream())
                .filter(variant -> variant.content().assets().stream().anyMatch(ref -> ref.assetId().equals(asset.id())))
                .toList();
    }
}
