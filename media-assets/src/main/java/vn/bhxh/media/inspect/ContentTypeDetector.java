package vn.bhxh.media.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import vn.bhxh.media.FileFormat;

/**
 * Finds the type of a file from its bytes alone, with Tika's detectors. The name and the client's
 * Content-Type are deliberately not given to Tika: they are what we check, not what we trust.
 */
public final class ContentTypeDetector {

    /** What the content is: Tika's media type, and the accepted format it is an instance of, if any. */
    public record Detection(String mediaType, Optional<FileFormat> format) {
    }

    public Detection detect(Path file) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            detected = Tika.config().getDetector().detect(in, new Metadata());
        }
        MediaType base = detected.getBaseType();
        if (isIsoMediaFamily(base)) {
            base = IsoMediaBrands.classify(file).orElse(base);
        }
        return new Detection(base.toString(), formatOf(base));
    }

    /** The accepted format a media type belongs to, following Tika's aliases and supertypes (audio/vorbis is audio/ogg). */
    static Optional<FileFormat> formatOf(MediaType type) {
        MediaTypeRegistry registry = Tika.config().getMediaTypeRegistry();
        Set<MediaType> seen = new HashSet<>();
        MediaType current = registry.normalize(type.getBaseType());
        while (current != null && seen.add(current)) {
            Optional<FileFormat> format = FileFormat.ofMediaType(current.toString());
            if (format.isPresent()) {
                return format;
            }
            current = registry.getSupertype(current);
        }
        return Optional.empty();
    }

    private static boolean isIsoMediaFamily(MediaType type) {
        String name = type.toString();
        return name.equals("video/quicktime") || name.equals("video/mp4") || name.equals("audio/mp4")
                || name.equals("video/x-m4v") || name.equals("audio/x-m4a");
    }

    /**
     * Tika's magic calls an ISO base media file with the common "isom" brand (what ffmpeg and many
     * cameras write) QuickTime; its own MP4 parser then reports video/mp4. The ftyp box says which
     * it really is.
     */
    static final class IsoMediaBrands {

        private IsoMediaBrands() {
        }

        static Optional<MediaType> classify(Path file) throws IOException {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(256);
            }
            if (head.length < 16 || !"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
                return Optional.empty();
            }
            int boxSize = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            int end = Math.min(Math.max(boxSize, 16), head.length);
            Set<String> brands = new HashSet<>();
            String major = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            brands.add(major);
            for (int at = 16; at + 4 <= end; at += 4) {
                brands.add(new String(head, at, 4, StandardCharsets.ISO_8859_1));
            }
            if (brands.contains("M4A ") || brands.contains("M4B ")) {
                return Optional.of(MediaType.audio("mp4"));
            }
            if (major.equals("qt  ")) {
                return Optional.of(MediaType.video("quicktime"));
            }
            for (String brand : brands) {
                if (brand.startsWith("iso") || brand.startsWith("mp4") || brand.equals("avc1") || brand.equals("M4V ")
                        || brand.equals("dash")) {
                    return Optional.of(MediaType.video("mp4"));
                }
            }
            return Optional.empty();
        }
    }
}
