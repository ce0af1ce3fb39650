package vn.bhxh.cms.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import vn.bhxh.cms.asset.AssetRef;

/**
 * The product editor's form: the product's own fields (Vietnamese source only) and the variant's texts, with the
 * same limits as the API. {@code version} is the ETag of the variant the form was filled from, so a save made from an
 * old page is refused instead of overwriting someone else's change.
 */
public record ProductForm(
        @NotNull ProductType type,
        @NotBlank @Size(max = ContentLimits.TITLE) String title,
        @Size(max = ContentLimits.SUMMARY) String summary,
        @Size(max = ContentLimits.BODY) String body,
        @Size(max = 20) Set<@Size(max = 60) String> topics,
        @Size(max = 20) Set<@Size(max = 20) String> audiences,
        @Size(max = 60) String campaign,
        @Size(max = 60) String ownerUnit,
        @Size(max = ContentLimits.COMMENT) String comment,
        String version) {

    public static ProductForm empty() {
        return new ProductForm(ProductType.LEAFLET, null, null, null, Set.of(), Set.of(), null, null, null, null);
    }

    public ProductInfo info(ProductInfo current) {
        ProductInfo base = current == null
                ? new ProductInfo(type, null, null, null, Scope.NATIONAL, null, null, null, null, null)
                : current;
        return new ProductInfo(type, topics, audiences, blankToNull(campaign), base.scope(), base.province(),
                blankToNull(ownerUnit), base.tags(), base.effectiveFrom(), base.effectiveUntil());
    }

    public VariantContent content(List<AssetRef> assets) {
        return new VariantContent(title, summary, body, assets);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
