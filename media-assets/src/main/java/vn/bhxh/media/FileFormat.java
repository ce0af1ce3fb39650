package vn.bhxh.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats the system accepts at all. Anything Tika detects as something else is refused,
 * whatever the product type.
 */
public enum FileFormat {
    MP3(MediaKind.AUDIO, "audio/mpeg", Set.of("mp3")),
    WAV(MediaKind.AUDIO, "audio/vnd.wave", Set.of("wav", "wave")),
    M4A(MediaKind.AUDIO, "audio/mp4", Set.of("m4a")),
    OGG(MediaKind.AUDIO, "audio/ogg", Set.of("ogg", "oga", "opus")),
    MP4(MediaKind.VIDEO, "video/mp4", Set.of("mp4", "m4v")),
    WEBM(MediaKind.VIDEO, "video/webm", Set.of("webm")),
    PNG(MediaKind.IMAGE, "image/png", Set.of("png")),
    JPEG(MediaKind.IMAGE, "image/jpeg", Set.of("jpg", "jpeg", "jpe")),
    WEBP(MediaKind.IMAGE, "image/webp", Set.of("webp")),
    PDF(MediaKind.DOCUMENT, "application/pdf", Set.of("pdf"));

    private final MediaKind kind;
    private final String mediaType;
    private final Set<String> extensions;

    FileFormat(MediaKind kind, String mediaType, Set<String> extensions) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The Content-Type we serve it with. */
    public String mediaType() {
        return mediaType;
    }

    public Set<String> extensions() {
        return extensions;
    }

    public String preferredExtension() {
        return switch (this) {
            case JPEG -> "jpg";
            default -> extensions.iterator().next();
        };
    }

    public static Optional<FileFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
    }

    /** The format a file name claims by its extension, if any we know. */
    public static Optional<FileFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }
}
