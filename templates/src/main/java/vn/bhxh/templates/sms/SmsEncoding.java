package vn.bhxh.templates.sms;

/** The two SMS data codings we count for, with their single and concatenated segment capacities. */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet: 7-bit septets; an extension character takes two. */
    GSM_7("GSM-7", 160, 153),
    /** UTF-16 code units; a character outside the BMP (surrogate pair) takes two. */
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int singleSegmentUnits;
    private final int concatenatedSegmentUnits;

    SmsEncoding(String label, int singleSegmentUnits, int concatenatedSegmentUnits) {
        this.label = label;
        this.singleSegmentUnits = singleSegmentUnits;
        this.concatenatedSegmentUnits = concatenatedSegmentUnits;
    }

    /** "GSM-7" or "UCS-2", as SMS providers write them. */
    public String label() {
        return label;
    }

    public int singleSegmentUnits() {
        return singleSegmentUnits;
    }

    /** Less than a single segment: the rest of each part carries the concatenation header (UDH). */
    public int concatenatedSegmentUnits() {
        return concatenatedSegmentUnits;
    }
}
