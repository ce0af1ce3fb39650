package vn.bhxh.templates.sms;

import java.text.Normalizer;

/**
 * Counts SMS segments the way a gateway splits them.
 *
 * <p>The text is NFC-normalized first: an editor's decomposed "ệ" (e + two combining marks) is one
 * character on the phone and must be counted as one. Any character outside GSM-7 makes the whole text
 * UCS-2. Vietnamese letters with diacritics also force UCS-2 even where GSM 03.38 happens to carry the
 * precomposed letter (à, è, é, ì, ò, ù): Vietnamese providers send and bill accented text as Unicode
 * ("tin nhắn có dấu"), so counting those few letters as GSM-7 would under-count.
 *
 * <p>When split, a segment never ends in the middle of a two-unit character (GSM-7 escape + character,
 * or a UTF-16 surrogate pair), so the count packs characters greedily instead of dividing the total.
 */
public final class SmsSegmentCounter {

    public SmsCount count(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        SmsEncoding encoding = encodingFor(nfc);
        int[] costs = nfc.codePoints().map(cp -> unitCost(cp, encoding)).toArray();
        int units = 0;
        for (int cost : costs) {
            units += cost;
        }
        if (units <= encoding.singleSegmentUnits()) {
            return new SmsCount(nfc, encoding, costs.length, units, units == 0 ? 0 : 1,
                    encoding.singleSegmentUnits() - units);
        }
        int capacity = encoding.concatenatedSegmentUnits();
        int segments = 1;
        int used = 0;
        for (int cost : costs) {
            if (used + cost > capacity) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return new SmsCount(nfc, encoding, costs.length, units, segments, capacity - used);
    }

    private static SmsEncoding encodingFor(String nfc) {
        boolean gsm = nfc.codePoints().allMatch(cp -> Gsm7Alphabet.septets(cp) > 0 && !isAccentedLatinLetter(cp));
        return gsm ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
    }

    private static int unitCost(int codePoint, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM_7 ? Gsm7Alphabet.septets(codePoint) : Character.charCount(codePoint);
    }

    /** A letter that decomposes into a base letter and combining marks, or đ/Đ. */
    static boolean isAccentedLatinLetter(int codePoint) {
        if (codePoint == 'đ' || codePoint == 'Đ') {
            return true;
        }
        if (!Character.isLetter(codePoint) || Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.LATIN) {
            return false;
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD);
        return decomposed.length() > 1;
    }
}
