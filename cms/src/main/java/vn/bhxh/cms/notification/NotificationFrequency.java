package vn.bhxh.cms.notification;

/** How a person wants to hear about work for them: each e-mail at once, one summary a day, or no e-mail. */
public enum NotificationFrequency {
    IMMEDIATE,
    DAILY_DIGEST,
    NONE
}
