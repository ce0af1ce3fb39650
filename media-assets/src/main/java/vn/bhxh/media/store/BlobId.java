package vn.bhxh.media.store;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a blob's content, lower-case hex. Only 64 hex digits are accepted, so a blob id
 * can never smuggle a path separator or "..": this is what makes the store traversal-proof.
 */
public record BlobId(String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobId {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 blob id: " + abbreviate(sha256));
        }
    }

    public static BlobId fromDigest(byte[] digest) {
        return new BlobId(HexFormat.of().formatHex(digest));
    }

    /** Parses untrusted input (a URL segment, a header) as a blob id. */
    public static BlobId parse(String text) {
        return new BlobId(text == null ? null : text.toLowerCase(Locale.ROOT));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @Override
    public String toString() {
        return sha256;
    }
}
