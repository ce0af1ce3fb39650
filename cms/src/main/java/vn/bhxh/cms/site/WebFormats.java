package vn.bhxh.cms.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formats for the pages, used as {@code ${@fmt.time(x)}}: times are stored in UTC and shown in Vietnam's time zone,
 * as Vietnamese readers write them (dd/MM/yyyy HH:mm), whatever the page language.
 */
@Component("fmt")
public class WebFormats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(VIETNAM);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** File sizes in the units people read: 1,5 MB rather than 1572864. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.forLanguageTag("vi"), "%.1f %s", value, units[unit]);
    }
}
