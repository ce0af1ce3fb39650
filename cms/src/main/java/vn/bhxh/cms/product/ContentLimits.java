package vn.bhxh.cms.product;

/** The size limits of a product's texts, shared by the API and the web pages so both refuse the same input. */
public final class ContentLimits {

    public static final int TITLE = 300;
    public static final int SUMMARY = 2_000;
    public static final int BODY = 200_000;
    public static final int COMMENT = 2_000;
    /** Files one variant holds at most. */
    public static final int ASSETS = 50;
    /** A language tag: ISO 639 code, optionally with an ISO 15924 script (e.g. {@code tyz}, {@code cjm-Latn}). */
    public static final String LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Z][a-z]{3})?$";

    private ContentLimits() {
    }
}
