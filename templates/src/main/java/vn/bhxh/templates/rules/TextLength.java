package vn.bhxh.templates.rules;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * How channels count "characters": Unicode code points after NFC, so a decomposed "ệ" counts once and an
 * emoji counts once. (Khmer clusters count per code point, as the services count them.)
 */
public final class TextLength {

    private TextLength() {
    }

    public static int characters(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.codePointCount(0, nfc.length());
    }

    public static int utf8Bytes(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8).length;
    }
}
