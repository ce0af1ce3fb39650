package vn.bhxh.templates.channel;

import java.util.Arrays;

/** One text template of a channel, e.g. the Zalo article's description or the SMS text. */
public enum TemplateSlot {
    PORTAL_ARTICLE(Channel.PORTAL, "article", TemplateFormat.HTML),
    FACEBOOK_MESSAGE(Channel.FACEBOOK, "message", TemplateFormat.TEXT),
    ZALO_TITLE(Channel.ZALO, "title", TemplateFormat.TEXT),
    ZALO_AUTHOR(Channel.ZALO, "author", TemplateFormat.TEXT),
    ZALO_DESCRIPTION(Channel.ZALO, "description", TemplateFormat.TEXT),
    YOUTUBE_TITLE(Channel.YOUTUBE, "title", TemplateFormat.TEXT),
    YOUTUBE_DESCRIPTION(Channel.YOUTUBE, "description", TemplateFormat.TEXT),
    FEED_TITLE(Channel.VSSID_FEED, "title", TemplateFormat.TEXT),
    FEED_SUMMARY(Channel.VSSID_FEED, "summary", TemplateFormat.TEXT),
    PUSH_TITLE(Channel.VSSID_PUSH, "title", TemplateFormat.TEXT),
    PUSH_BODY(Channel.VSSID_PUSH, "body", TemplateFormat.TEXT),
    SMS_TEXT(Channel.SMS, "text", TemplateFormat.TEXT),
    EMAIL_SUBJECT(Channel.EMAIL, "subject", TemplateFormat.TEXT),
    EMAIL_HTML(Channel.EMAIL, "html", TemplateFormat.HTML),
    EMAIL_TEXT(Channel.EMAIL, "text", TemplateFormat.TEXT),
    LOUDSPEAKER_SHEET(Channel.LOUDSPEAKER, "sheet", TemplateFormat.TEXT),
    PRINT_HEADLINE(Channel.PRINT, "headline", TemplateFormat.TEXT),
    PRINT_TEXT(Channel.PRINT, "text", TemplateFormat.TEXT),
    PRINT_FOOTER(Channel.PRINT, "footer", TemplateFormat.TEXT);

    private final Channel channel;
    private final String name;
    private final TemplateFormat format;

    TemplateSlot(Channel channel, String name, TemplateFormat format) {
        this.channel = channel;
        this.name = name;
        this.format = format;
    }

    public Channel channel() {
        return channel;
    }

    /** The slot's name within its channel ("title"). */
    public String slotName() {
        return name;
    }

    public TemplateFormat format() {
        return format;
    }

    /** "zalo/title": the path of the default file under defaults/{language}/ and the id in the API. */
    public String path() {
        return channel.id() + "/" + name;
    }

    public static TemplateSlot fromPath(String path) {
        return Arrays.stream(values()).filter(slot -> slot.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Mẫu không tồn tại / unknown template: " + path));
    }
}
