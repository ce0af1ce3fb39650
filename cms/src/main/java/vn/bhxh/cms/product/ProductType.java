package vn.bhxh.cms.product;

import vn.bhxh.media.MediaProfile;

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
    BENEFIT_TABLE;

    /**
     * The kind of file an editor most likely adds to a product of this type, the upload form's first choice: a leaflet
     * gets its print master, a radio file its audio, a video its video; articles and messages an image.
     */
    public MediaProfile usualMedia() {
        return switch (this) {
            case RADIO_FILE -> MediaProfile.RADIO;
            case VIDEO -> MediaProfile.VIDEO;
            case INFOGRAPHIC, ARTICLE, ONLINE_HANDBOOK, APP_MESSAGE -> MediaProfile.INFOGRAPHIC;
            case LEAFLET, FOLDED_LEAFLET, SLOGAN, POSTER, BENEFIT_TABLE -> MediaProfile.PRINT_MASTER;
        };
    }

    /** The role such a file plays for this type (the upload form's first choice of role). */
    public String usualFileRole() {
        return switch (this) {
            case RADIO_FILE -> "audio";
            case VIDEO -> "video";
            case INFOGRAPHIC, ARTICLE, ONLINE_HANDBOOK, APP_MESSAGE -> "cover";
            case LEAFLET, FOLDED_LEAFLET, SLOGAN, POSTER, BENEFIT_TABLE -> "print-master";
        };
    }
}
