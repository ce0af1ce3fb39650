package vn.bhxh.templates.channel;

import java.util.Arrays;
import java.util.List;
import vn.bhxh.templates.link.TrackingParameters;

/** Where a product goes. Each channel names its utm_source/utm_medium and the template slots it is made of. */
public enum TemplateChannel {
    PORTAL("portal", "Cổng thông tin điện tử", new TrackingParameters("portal", "web")),
    FACEBOOK("facebook", "Trang Facebook", new TrackingParameters("facebook", "social")),
    ZALO("zalo", "Zalo OA", new TrackingParameters("zalo", "social")),
    YOUTUBE("youtube", "YouTube", new TrackingParameters("youtube", "video")),
    VSSID_FEED("vssid-feed", "Bảng tin ứng dụng VssID", new TrackingParameters("vssid", "app")),
    VSSID_PUSH("vssid-push", "Thông báo đẩy VssID", new TrackingParameters("vssid", "push")),
    SMS("sms", "Tin nhắn SMS", new TrackingParameters("sms", "sms")),
    EMAIL("email", "Thư điện tử", new TrackingParameters("email", "email")),
    LOUDSPEAKER("loudspeaker", "Loa truyền thanh cơ sở", new TrackingParameters("loudspeaker", "offline")),
    PRINT("print", "Ấn phẩm in (tờ rơi, áp phích)", new TrackingParameters("qr", "print"));

    private final String id;
    private final String vietnameseName;
    private final TrackingParameters tracking;

    TemplateChannel(String id, String vietnameseName, TrackingParameters tracking) {
        this.id = id;
        this.vietnameseName = vietnameseName;
        this.tracking = tracking;
    }

    /** Stable lowercase id used in template paths and in the API. */
    public String id() {
        return id;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public TrackingParameters tracking() {
        return tracking;
    }

    public List<TemplateSlot> slots() {
        return Arrays.stream(TemplateSlot.values()).filter(slot -> slot.channel() == this).toList();
    }

    public static TemplateChannel fromId(String id) {
        return Arrays.stream(values()).filter(channel -> channel.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Kênh không tồn tại / unknown channel: " + id));
    }
}
