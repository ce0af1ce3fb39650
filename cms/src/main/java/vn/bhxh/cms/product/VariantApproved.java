package vn.bhxh.cms.product;

/**
 * Published after a variant was approved (and saved): features that learn from approved texts (the translation memory)
 * listen without the product service knowing them.
 */
public record VariantApproved(Variant variant) {
}
