package vn.bhxh.templates.sms;

/** The GSM 03.38 default alphabet and its extension table (characters sent as ESC + character). */
public final class Gsm7Alphabet {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {
    }

    public static boolean isBasic(int codePoint) {
        return codePoint != 0x1B && codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0;
    }

    public static boolean isExtension(int codePoint) {
        return codePoint < 0x10000 && EXTENSION.indexOf(codePoint) >= 0;
    }

    /** Septets this character takes, or 0 when GSM-7 cannot carry it. */
    public static int septets(int codePoint) {
        if (isBasic(codePoint)) {
            return 1;
        }
        return isExtension(codePoint) ? 2 : 0;
    }
}
