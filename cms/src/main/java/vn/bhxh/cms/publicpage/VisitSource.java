package vn.bhxh.cms.publicpage;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a visitor came from, read from the parameter every link we make carries: {@code ?src=} or the campaign
 * tracking's {@code utm_source} (the templates' channels: qr on print, vssid in the app feed, facebook, zalo, portal…).
 * A visit without either is direct; any other value is "other", so the stored codes stay a short, known list.
 */
enum VisitSource {
    QR("qr", "Mã QR trên ấn phẩm in"),
    FEED("feed", "Bảng tin ứng dụng VssID", "vssid"),
    FACEBOOK("facebook", "Facebook"),
    ZALO("zalo", "Zalo"),
    YOUTUBE("youtube", "YouTube"),
    PORTAL("portal", "Cổng thông tin điện tử"),
    SMS("sms", "Tin nhắn SMS"),
    EMAIL("email", "Thư điện tử"),
    DIRECT("direct", "Truy cập trực tiếp"),
    OTHER("other", "Nguồn khác");

    private final String code;
    private final String vietnameseName;
    private final String alias;

    VisitSource(String code, String vietnameseName) {
        this(code, vietnameseName, code);
    }

    VisitSource(String code, String vietnameseName, String alias) {
        this.code = code;
        this.vietnameseName = vietnameseName;
        this.alias = alias;
    }

    String code() {
        return code;
    }

    String vietnameseName() {
        return vietnameseName;
    }

    static VisitSource of(String src, String utmSource) {
        String given = src != null && !src.isBlank() ? src : utmSource;
        if (given == null || given.isBlank()) {
            return DIRECT;
        }
        String value = given.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(value) || s.alias.equals(value)).findFirst().orElse(OTHER);
    }

    static VisitSource ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElse(OTHER);
    }
}
