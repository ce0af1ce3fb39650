package vn.bhxh.cms.product;

/** National products come from the centre; local ones belong to one province or region. */
public enum Scope {
    NATIONAL,
    LOCAL
}
