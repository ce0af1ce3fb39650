package vn.bhxh.cms.product;

import java.util.List;

/** What products need from the files a variant refers to. */
public interface VariantFiles {

    /** The text extracted from the files (PDF leaflets…), which search covers too; empty when they have none. */
    String textOf(List<AssetRef> assets);

    /**
     * Records that the product uses these files (the asset records list their products), refusing ids that name
     * no file with a 400 problem.
     */
    void markUsedBy(String productId, List<AssetRef> assets);
}
