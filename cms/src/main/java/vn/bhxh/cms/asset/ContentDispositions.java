package vn.bhxh.cms.asset;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Content-Disposition with the original Vietnamese name (RFC 6266, with the RFC 5987 {@code filename*}
 * parameter) plus a plain ASCII {@code filename} for old clients: "Tờ rơi.pdf" arrives as "Tờ rơi.pdf"
 * in browsers and as "To roi.pdf" where UTF-8 is not understood.
 */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    public static String attachment(String fileName) {
        return header("attachment", fileName);
    }

    public static String inline(String fileName) {
        return header("inline", fileName);
    }

    /**
     * A stored file: inline (for a player or an image) only when asked and when it is an image, audio or video; anything
     * else, PDFs above all (they may carry an OpenAction or JavaScript), is always a download.
     */
    public static String of(Asset asset, boolean inline) {
        return inline && asset.playsInBrowser() ? inline(asset.fileName()) : attachment(asset.fileName());
    }

    private static String header(String type, String fileName) {
        return type + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + percentEncode(fileName);
    }

    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder ascii = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            // Quotes and backslashes would end or escape the quoted string; everything else non-printable goes.
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return ascii.toString();
    }

    /** RFC 5987 attr-char stays, everything else is percent-encoded UTF-8. */
    static String percentEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
