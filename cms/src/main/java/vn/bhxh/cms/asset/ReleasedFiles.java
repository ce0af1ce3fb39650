package vn.bhxh.cms.asset;

/**
 * Whether a product has an approved or published variant using a file: only those files are public. Products answer
 * it (the asset feature knows files, not the workflow), so the dependency points from products to files.
 */
public interface ReleasedFiles {

    boolean uses(String productId, String assetId);
}
