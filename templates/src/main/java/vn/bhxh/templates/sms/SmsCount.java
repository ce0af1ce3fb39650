package vn.bhxh.templates.sms;

/**
 * How an SMS text will be sent: its encoding, its length in encoding units (septets or UTF-16 units),
 * the number of segments (billed messages) and how many units are still free in the last segment.
 *
 * @param text          the NFC-normalized text that was counted (send exactly this)
 * @param characters    user-perceived characters (code points) in the text
 */
public record SmsCount(String text, SmsEncoding encoding, int characters, int units, int segments, int unitsLeftInLastSegment) {

    /** "2 tin nhắn (UCS-2), 95 ký tự" for the editor's preview. */
    public String describeVietnamese() {
        return segments + " tin nhắn (" + encoding.label() + "), " + characters + " ký tự, còn " + unitsLeftInLastSegment
                + " ký tự trong tin cuối";
    }

    public String describeEnglish() {
        return segments + " segment(s) (" + encoding.label() + "), " + characters + " characters, " + unitsLeftInLastSegment
                + " left in the last segment";
    }
}
