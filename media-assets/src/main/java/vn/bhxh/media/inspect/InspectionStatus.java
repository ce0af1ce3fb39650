package vn.bhxh.media.inspect;

/** Shown to reviewers beside the file. */
public enum InspectionStatus {
    PASSED,
    /** Usable, but a reviewer should look at the warnings (length, loudness). */
    PASSED_WITH_WARNINGS,
    /** The file could not be read; the reason says why. */
    FAILED
}
