package vn.bhxh.templates.content;

import java.util.Locale;
import java.util.Map;

/**
 * Vietnamese names of the languages we publish in (shared/reference/LANGUAGES.md), for labels such as the
 * loudspeaker sheet's "which language". Tags we do not know are shown as the tag itself rather than guessed.
 */
public final class LanguageNames {

    private static final Map<String, String> VIETNAMESE_NAMES = Map.ofEntries(
            Map.entry("vi", "Tiếng Việt"),
            Map.entry("km", "Tiếng Khmer"),
            Map.entry("tyz", "Tiếng Tày"),
            Map.entry("blt", "Tiếng Thái (Thái Đen)"),
            Map.entry("twh", "Tiếng Thái (Thái Trắng)"),
            Map.entry("mtq", "Tiếng Mường"),
            Map.entry("hnj", "Tiếng H'Mông"),
            Map.entry("mww", "Tiếng H'Mông"),
            Map.entry("hmv", "Tiếng H'Mông"),
            Map.entry("hmn", "Tiếng H'Mông"),
            Map.entry("nut", "Tiếng Nùng"),
            Map.entry("ium", "Tiếng Dao"),
            Map.entry("mji", "Tiếng Dao"),
            Map.entry("jra", "Tiếng Gia Rai"),
            Map.entry("rad", "Tiếng Ê Đê"),
            Map.entry("bdq", "Tiếng Ba Na"),
            Map.entry("sed", "Tiếng Xơ Đăng"),
            Map.entry("kpm", "Tiếng Cơ Ho"),
            Map.entry("cma", "Tiếng Mạ"),
            Map.entry("cjm", "Tiếng Chăm"),
            Map.entry("cja", "Tiếng Chăm"),
            Map.entry("mng", "Tiếng M'Nông"),
            Map.entry("cmo", "Tiếng M'Nông"),
            Map.entry("mnn", "Tiếng M'Nông"),
            Map.entry("ktv", "Tiếng Cơ Tu"),
            Map.entry("hre", "Tiếng Hrê"),
            Map.entry("rog", "Tiếng Raglai"),
            Map.entry("stt", "Tiếng Xtiêng"),
            Map.entry("sti", "Tiếng Xtiêng"),
            Map.entry("bru", "Tiếng Bru-Vân Kiều"),
            Map.entry("tth", "Tiếng Tà Ôi"),
            Map.entry("pac", "Tiếng Pa Cô"),
            Map.entry("mlc", "Tiếng Cao Lan"),
            Map.entry("cje", "Tiếng Chu Ru"),
            Map.entry("crw", "Tiếng Chơ Ro"),
            Map.entry("jeh", "Tiếng Giẻ Triêng"),
            Map.entry("hni", "Tiếng Hà Nhì"));

    private LanguageNames() {
    }

    /** "Tiếng Khmer" for km; the script is added when the tag names one ("Tiếng Thái (Thái Đen), chữ Tavt"). */
    public static String vietnameseName(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag);
        String name = VIETNAMESE_NAMES.get(locale.getLanguage());
        if (name == null) {
            return languageTag;
        }
        return locale.getScript().isEmpty() ? name : name + ", chữ " + locale.getScript();
    }
}
