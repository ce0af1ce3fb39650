package vn.bhxh.media;

/** The broad kind of a file: decides which limits, metadata and derivatives apply. */
public enum MediaKind {
    AUDIO, VIDEO, IMAGE, DOCUMENT
}
