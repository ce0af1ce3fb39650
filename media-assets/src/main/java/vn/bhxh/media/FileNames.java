package vn.bhxh.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Original file names as people give them ("Tờ rơi BHXH tự nguyện.pdf"). They are kept as data for
 * Content-Disposition and bundles, never used as a path; still, a name that tries to be a path or
 * carries control characters is refused, because it only comes from a broken or hostile client.
 */
public final class FileNames {

    private static final int MAX_UTF8_BYTES = 255;

    private FileNames() {
    }

    /** The name in NFC (macOS sends NFD Vietnamese), or a refusal saying why it is not acceptable. */
    public static String check(String name) throws MediaRefusal {
        if (name == null || name.isBlank()) {
            throw new MediaRefusal(RefusalCode.UNSAFE_FILE_NAME, "(trống / empty)");
        }
        String normalized = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (normalized.equals(".") || normalized.equals("..") || normalized.contains("/") || normalized.contains("\\")
                || normalized.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x7f)
                || normalized.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new MediaRefusal(RefusalCode.UNSAFE_FILE_NAME, printable(normalized));
        }
        return normalized;
    }

    /**
     * A name that is safe as a single path segment in a ZIP or on a user's disk, whatever it was:
     * separators and control characters become "_", leading dots are dropped.
     */
    public static String toSafeSegment(String name) {
        String normalized = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            boolean unsafe = c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
                    || c == '|' || Character.isISOControl(c) || c == 0x7f;
            safe.appendCodePoint(unsafe ? '_' : c);
        });
        String result = safe.toString().strip().replaceAll("^[.\\s]+", "");
        return result.isEmpty() ? "_" : result;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
