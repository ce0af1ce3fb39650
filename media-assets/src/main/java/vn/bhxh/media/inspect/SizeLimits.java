package vn.bhxh.media.inspect;

import java.util.EnumMap;
import java.util.Map;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;

/**
 * The largest file accepted of each kind, in bytes. Checked twice: against the length the client
 * announces, before any byte is read, and while streaming, so a client that lies is cut off at
 * the limit.
 */
public record SizeLimits(Map<MediaKind, Long> maxBytes) {

    public static final long MIB = 1024L * 1024;

    public SizeLimits {
        maxBytes = Map.copyOf(new EnumMap<>(maxBytes));
        for (MediaKind kind : MediaKind.values()) {
            Long limit = maxBytes.get(kind);
            if (limit == null || limit <= 0) {
                throw new IllegalArgumentException("A positive size limit is needed for " + kind);
            }
        }
    }

    /** Audio 200 MiB (a 5-minute WAV is about 50 MiB), video 4 GiB, images 50 MiB, PDFs 300 MiB (print masters). */
    public static SizeLimits defaults() {
        return new SizeLimits(Map.of(
                MediaKind.AUDIO, 200 * MIB,
                MediaKind.VIDEO, 4096 * MIB,
                MediaKind.IMAGE, 50 * MIB,
                MediaKind.DOCUMENT, 300 * MIB));
    }

    public long maxFor(FileFormat format) {
        return maxBytes.get(format.kind());
    }

    /** The most any file of this product type may have: the limit while the type is still unknown. */
    public long maxFor(MediaProfile product) {
        return product.allowedFormats().stream().mapToLong(this::maxFor).max().orElse(0);
    }

    /** Refuses early on the length a client announced (Content-Length, Upload-Length). */
    public void checkAnnounced(MediaProfile product, long announcedBytes) throws MediaRefusal {
        long max = maxFor(product);
        if (announcedBytes > max) {
            throw new MediaRefusal(RefusalCode.TOO_LARGE, announcedBytes, max);
        }
    }

    public void check(FileFormat format, long bytes) throws MediaRefusal {
        long max = maxFor(format);
        if (bytes > max) {
            throw new MediaRefusal(RefusalCode.TOO_LARGE, bytes, max);
        }
    }
}
