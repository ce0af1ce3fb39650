package vn.bhxh.templates.template;

import java.util.Locale;
import java.util.Objects;
import vn.bhxh.templates.channel.TemplateSlot;

/** Which template: a channel's slot in one language (BCP 47 tag, normalized: "blt-Tavt"). */
public record TemplateKey(TemplateSlot slot, String languageTag) {

    public TemplateKey {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(languageTag, "languageTag");
        languageTag = Locale.forLanguageTag(languageTag).toLanguageTag();
        if (languageTag.equals("und")) {
            throw new IllegalArgumentException("Mã ngôn ngữ không hợp lệ / invalid language tag");
        }
    }

    /** "vi/zalo/title", readable in logs and usable as a document id. */
    public String id() {
        return languageTag + "/" + slot.path();
    }
}
