package vn.bhxh.cms.translation;

/** What the workbench shows for a segment: untranslated, outdated (its source changed), or its {@link SegmentState}. */
public enum SegmentStatus {
    NEW,
    OUTDATED,
    TRANSLATED,
    ACCEPTED,
    APPROVED;

    public boolean done() {
        return this == TRANSLATED || this == ACCEPTED || this == APPROVED;
    }
}
