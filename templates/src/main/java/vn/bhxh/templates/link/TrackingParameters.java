package vn.bhxh.templates.link;

/** The utm_source / utm_medium pair that identifies one channel in the portal's analytics. */
public record TrackingParameters(String source, String medium) {
}
