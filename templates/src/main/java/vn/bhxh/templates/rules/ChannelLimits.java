package vn.bhxh.templates.rules;

/**
 * Every length limit in one place. Vendor limits are from shared/reference/CHANNELS.md and the vendors'
 * API references; "house" limits are our own choice where the vendor sets none (VssID is our own feed),
 * picked so text is shown whole on a phone's lock screen and in a feed card.
 */
public final class ChannelLimits {

    /** YouTube Data API (videos resource): snippet.title at most 100 characters, no "<" or ">". */
    public static final int YOUTUBE_TITLE = 100;
    /** YouTube Data API: snippet.description at most 5000 bytes. */
    public static final int YOUTUBE_DESCRIPTION_BYTES = 5000;
    /** Zalo OA article/create. */
    public static final int ZALO_TITLE = 150;
    public static final int ZALO_AUTHOR = 50;
    public static final int ZALO_DESCRIPTION = 300;
    /** Facebook Page post message (3rd-party figure). */
    public static final int FACEBOOK_MESSAGE = 63_206;
    /** House: push notification title (one line on an expanded notification) and body (about what iOS shows on the lock screen). */
    public static final int PUSH_TITLE = 65;
    public static final int PUSH_BODY = 178;
    /** House: VssID feed card. */
    public static final int FEED_TITLE = 150;
    public static final int FEED_SUMMARY = 300;
    /** House: e-mail subjects longer than this are cut in most inboxes (RFC 5322 also advises 78 per line). */
    public static final int EMAIL_SUBJECT = 78;
    /** House: more SMS segments than this cost too much for a broadcast to a target group. */
    public static final int SMS_SEGMENTS = 3;
    /** The 2022 plan: radio files for commune loudspeakers last 3–5 minutes. */
    public static final int LOUDSPEAKER_MIN_SECONDS = 3 * 60;
    public static final int LOUDSPEAKER_MAX_SECONDS = 5 * 60;

    private ChannelLimits() {
    }
}
