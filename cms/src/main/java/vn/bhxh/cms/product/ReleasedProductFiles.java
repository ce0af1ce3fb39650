package vn.bhxh.cms.product;

import org.springframework.stereotype.Component;
import vn.bhxh.cms.asset.ReleasedFiles;

/** A product's file is public when an approved or published variant of it uses the file. */
@Component
class ReleasedProductFiles implements ReleasedFiles {

    private final ProductStore store;

    ReleasedProductFiles(ProductStore store) {
        this.store = store;
    }

    @Override
    public boolean uses(String productId, String assetId) {
        return store.variants(productId).stream().anyMatch(v -> v.state().isReleased()
                && v.content().assets().stream().anyMatch(r -> r.assetId().equals(assetId)));
    }
}
