package vn.bhxh.templates.payload;

/** Helpers for XML payloads written with a StAX writer (which escapes markup but not invalid characters). */
final class Xml {

    private Xml() {
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters): a stray one would make the feed unreadable. */
    static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Xml::isLegal).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isLegal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
