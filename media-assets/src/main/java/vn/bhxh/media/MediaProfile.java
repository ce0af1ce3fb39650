package vn.bhxh.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a media file is for (a radio spot, a video, an infographic, a print master), and so which file formats it may
 * have and whether its duration is checked. Not the cms product type (leaflet, slogan, …): it describes a file, not a product.
 */
public enum MediaProfile {
    RADIO(EnumSet.of(FileFormat.MP3, FileFormat.WAV, FileFormat.M4A, FileFormat.OGG)),
    VIDEO(EnumSet.of(FileFormat.MP4, FileFormat.WEBM)),
    INFOGRAPHIC(EnumSet.of(FileFormat.PNG, FileFormat.JPEG, FileFormat.WEBP, FileFormat.PDF)),
    PRINT_MASTER(EnumSet.of(FileFormat.PDF, FileFormat.PNG, FileFormat.JPEG));

    private final Set<FileFormat> allowedFormats;

    MediaProfile(Set<FileFormat> allowedFormats) {
        this.allowedFormats = allowedFormats;
    }

    public Set<FileFormat> allowedFormats() {
        return allowedFormats;
    }

    public boolean allows(FileFormat format) {
        return allowedFormats.contains(format);
    }

    /** Radio files and videos must fit a broadcast slot: 3–5 minutes in the communication plans. */
    public boolean isTimed() {
        return this == RADIO || this == VIDEO;
    }
}
