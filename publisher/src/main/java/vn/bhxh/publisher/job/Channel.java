package vn.bhxh.publisher.job;

/** The kinds of remote service a target can be. */
public enum Channel {
    WEBHOOK, WORDPRESS, FACEBOOK, ZALO, YOUTUBE, APP_FEED
}
