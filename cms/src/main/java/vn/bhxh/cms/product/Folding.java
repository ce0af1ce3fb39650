package vn.bhxh.cms.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese without diacritics: "Vì sao không nên nhận BHXH một lần" becomes "vi sao khong nen nhan bhxh mot lan". */
public final class Folding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        // đ/Đ is a letter of its own, not d with a mark: NFD does not split it.
        String withoutD = text.replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(withoutD, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
