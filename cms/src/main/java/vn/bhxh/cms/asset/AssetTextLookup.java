package vn.bhxh.cms.asset;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.product.AssetRef;
import vn.bhxh.cms.product.AssetTexts;

/** Feeds the text Tika extracted from a variant's files into product search. */
@Component
class AssetTextLookup implements AssetTexts {

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
}
