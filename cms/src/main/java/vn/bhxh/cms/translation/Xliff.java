package vn.bhxh.cms.translation;

/**
 * XLIFF 2.0 (OASIS): its namespace and media type; {@link SegmentXliff} writes and reads the files.
 */
public final class Xliff {

    public static final String MEDIA_TYPE = "application/xliff+xml";
    static final String NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";

    private Xliff() {
    }
}
