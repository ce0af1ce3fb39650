package vn.bhxh.templates.print;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Page size and type sizes of the two print products: an A4 leaflet and an A3 poster. */
public enum PrintFormat {
    LEAFLET_A4(PDRectangle.A4, 36, 26, 12, 9, 110),
    POSTER_A3(PDRectangle.A3, 54, 44, 20, 12, 170);

    private final PDRectangle page;
    private final float margin;
    private final float headlineSize;
    private final float textSize;
    private final float footerSize;
    private final float qrSize;

    PrintFormat(PDRectangle page, float margin, float headlineSize, float textSize, float footerSize, float qrSize) {
        this.page = page;
        this.margin = margin;
        this.headlineSize = headlineSize;
        this.textSize = textSize;
        this.footerSize = footerSize;
        this.qrSize = qrSize;
    }

    public PDRectangle page() { return page; }
    public float margin() { return margin; }
    public float headlineSize() { return headlineSize; }
    public float textSize() { return textSize; }
    public float footerSize() { return footerSize; }
    /** Side of the QR code including its quiet zone, in points (110 pt ≈ 39 mm). */
    public float qrSize() { return qrSize; }

    /** Posters get the poster layout; every other product prints as a leaflet. */
    public static PrintFormat forProductType(String productType) {
        return "POSTER".equalsIgnoreCase(productType) ? POSTER_A3 : LEAFLET_A4;
    }
}
