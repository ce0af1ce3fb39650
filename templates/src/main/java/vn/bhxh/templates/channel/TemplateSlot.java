package vn.bhxh.templates.channel;

import java.util.Arrays;

/** One text template of a channel, e.g. the Zalo article's description or the SMS text. */
public enum TemplateSlot {
    PORTAL_ARTICLE(TemplateChannel.PORTAL, "article", TemplateFormat.HTML),
    /** The article without its title: for a CMS such as WordPress that shows the title (and excerpt) itself. */
    PORTAL_CONTENT(TemplateChannel.PORTAL, "content", TemplateFormat.HTML),
    FACEBOOK_MESSAGE(TemplateChannel.FACEBOOK, "message", TemplateFormat.TEXT),
    ZALO_TITLE(TemplateChannel.ZALO, "title", TemplateFormat.TEXT),
    ZALO_AUTHOR(TemplateChannel.ZALO, "author", TemplateFormat.TEXT),
    ZALO_DESCRIPTION(TemplateChannel.ZALO, "description", TemplateFormat.TEXT),
    YOUTUBE_TITLE(TemplateChannel.YOUTUBE, "title", TemplateFormat.TEXT),
    YOUTUBE_DESCRIPTION(TemplateChannel.YOUTUBE, "description", TemplateFormat.TEXT),
    FEED_TITLE(TemplateChannel.VSSID_FEED, "title", TemplateFormat.TEXT),
    FEED_SUMMARY(TemplateChannel.VSSID_FEED, "summary", TemplateFormat.TEXT),
    PUSH_TITLE(TemplateChannel.VSSID_PUSH, "title", TemplateFormat.TEXT),
    PUSH_BODY(TemplateChannel.VSSID_PUSH, "body", TemplateFormat.TEXT),
    SMS_TEXT(TemplateChannel.SMS, "text", TemplateFormat.TEXT),
    EMAIL_SUBJECT(TemplateChannel.EMAIL, "subject", TemplateFormat.TEXT),
    EMAIL_HTML(TemplateChannel.EMAIL, "html", TemplateFormat.HTML),
    EMAIL_TEXT(TemplateChannel.EMAIL, "text", TemplateFormat.TEXT),
    LOUDSPEAKER_SHEET(TemplateChannel.LOUDSPEAKER, "sheet", TemplateFormat.TEXT),
    PRINT_HEADLINE(TemplateChannel.PRINT, "headline", TemplateFormat.TEXT),
    PRINT_TEXT(TemplateChannel.PRINT, "text", TemplateFormat.TEXT),
    PRINT_FOOTER(TemplateChannel.PRINT, "footer", TemplateFormat.TEXT);

    private final TemplateChannel channel;
    private final String name;
    private final TemplateFormat format;

    TemplateSlot(TemplateChannel channel, String name, TemplateFormat format) {
        this.channel = channel;
        this.name = name;
        this.format = format;
    }

    public TemplateChannel channel() {
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
