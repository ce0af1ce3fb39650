package vn.bhxh.cms.product;

/** The kinds of communication product (sản phẩm truyền thông) named in the agency's plans. */
public enum ProductType {
    LEAFLET,
    FOLDED_LEAFLET,
    INFOGRAPHIC,
    RADIO_FILE,
    VIDEO,
    SLOGAN,
    POSTER,
    ARTICLE,
    ONLINE_HANDBOOK,
    APP_MESSAGE,
    BENEFIT_TABLE
}
