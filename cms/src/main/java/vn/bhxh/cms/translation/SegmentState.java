package vn.bhxh.cms.translation;

/** How far a translated segment has come: written, accepted by a second speaker, or part of an approved variant. */
public enum SegmentState {
    TRANSLATED,
    ACCEPTED,
    APPROVED
}
