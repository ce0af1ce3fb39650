package vn.bhxh.cms.product;

import java.util.List;

/** The text extracted from a variant's files (PDF leaflets…), which search covers too. */
public interface AssetTexts {

    /** The texts of the files, joined; empty when they have none. */
    String textOf(List<AssetRef> assets);
}
