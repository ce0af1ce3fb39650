package vn.bhxh.media.derive;

/** The fixed preview sizes, by longest side in pixels: list rows, review pages, full-screen preview. */
public enum ThumbnailSize {
    SMALL(160), MEDIUM(480), LARGE(1280);

    private final int longestSide;

    ThumbnailSize(int longestSide) {
        this.longestSide = longestSide;
    }

    public int longestSide() {
        return longestSide;
    }
}
