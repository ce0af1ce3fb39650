package vn.bhxh.media.upload;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A resumable upload's id: 128 random bits as hex. Unguessable, and never a path (only hex digits pass). */
public record UploadId(String value) {

    private static final Pattern HEX_128 = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public UploadId {
        if (value == null || !HEX_128.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an upload id");
        }
    }

    public static UploadId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new UploadId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
