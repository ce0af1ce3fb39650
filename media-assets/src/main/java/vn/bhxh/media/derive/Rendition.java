package vn.bhxh.media.derive;

/** Channel renditions, cropped to fill exactly: made on demand, then cached. */
public enum Rendition {
    /** Open Graph / Facebook and Zalo link previews. */
    LINK_SHARE(1200, 630),
    /** VssID app feed cards. */
    SQUARE(1080, 1080);

    private final int width;
    private final int height;

    Rendition(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
