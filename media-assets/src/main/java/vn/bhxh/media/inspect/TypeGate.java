package vn.bhxh.media.inspect;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.mime.MediaType;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.inspect.ContentTypeDetector.Detection;

/** Decides whether detected content may be stored for a product, and whether the client told the truth about it. */
public final class TypeGate {

    /** Types that can run script in a browser: named as such in the refusal, since that is the real reason. */
    private static final Set<String> ACTIVE_TYPES = Set.of("image/svg+xml", "text/html", "application/xhtml+xml",
            "application/javascript", "text/javascript", "application/xml", "text/xml");

    /** Names clients commonly send for the formats we accept, besides Tika's own aliases. */
    private static final Map<String, FileFormat> CLIENT_ALIASES = Map.of(
            "audio/mp3", FileFormat.MP3,
            "audio/wav", FileFormat.WAV,
            "audio/wave", FileFormat.WAV,
            "audio/x-m4a", FileFormat.M4A,
            "audio/m4a", FileFormat.M4A,
            "image/jpg", FileFormat.JPEG,
            "image/pjpeg", FileFormat.JPEG,
            "audio/vorbis", FileFormat.OGG,
            "audio/opus", FileFormat.OGG);

    public FileFormat check(MediaProfile product, Detection detection, String declaredMediaType, String fileName)
            throws MediaRefusal {
        FileFormat format = detection.format().orElse(null);
        if (format == null) {
            if (ACTIVE_TYPES.contains(detection.mediaType())) {
                throw new MediaRefusal(RefusalCode.ACTIVE_CONTENT, detection.mediaType());
            }
            throw new MediaRefusal(RefusalCode.UNKNOWN_TYPE, detection.mediaType());
        }
        if (!product.allows(format)) {
            throw new MediaRefusal(RefusalCode.TYPE_NOT_ALLOWED, format.name(), product.name(), names(product));
        }
        if (isMeaningful(declaredMediaType)) {
            Optional<FileFormat> declared = declaredFormat(declaredMediaType);
            if (declared.isEmpty() || declared.get() != format) {
                throw new MediaRefusal(RefusalCode.DECLARED_TYPE_MISMATCH, declaredMediaType, format.mediaType());
            }
        }
        String extension = extensionOf(fileName);
        if (extension != null && !format.extensions().contains(extension)) {
            throw new MediaRefusal(RefusalCode.EXTENSION_MISMATCH, extension, format.name(),
                    String.join(", ", format.extensions().stream().sorted().toList()));
        }
        return format;
    }

    private static boolean isMeaningful(String declared) {
        // Browsers send octet-stream when they do not know; that claims nothing.
        return declared != null && !declared.isBlank()
                && !MediaType.parse(declared.trim()).getBaseType().toString().equals("application/octet-stream");
    }

    private static Optional<FileFormat> declaredFormat(String declared) {
        MediaType parsed = MediaType.parse(declared.trim().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            return Optional.empty();
        }
        String base = parsed.getBaseType().toString();
        FileFormat alias = CLIENT_ALIASES.get(base);
        if (alias != null) {
            return Optional.of(alias);
        }
        return ContentTypeDetector.formatOf(parsed);
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String names(MediaProfile product) {
        return product.allowedFormats().stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
