package vn.bhxh.templates.template;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.HtmlBody;
import vn.bhxh.templates.content.LanguageNames;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.link.CampaignLinks;

/**
 * The values of every {@link TemplateField} for one variant and channel. Every field is present (absent
 * ones as ""), so rendering never depends on the engine's handling of missing keys, and {{#imageUrl}}
 * sections work as "if present".
 */
public final class TemplateValues {

    private final Map<TemplateField, String> values;

    private TemplateValues(Map<TemplateField, String> values) {
        this.values = values;
    }

    public static TemplateValues of(RenderInput input, TemplateChannel channel, CampaignLinks links) {
        HtmlBody body = HtmlBody.of(input.bodyHtml());
        Map<TemplateField, String> values = new EnumMap<>(TemplateField.class);
        values.put(TemplateField.PRODUCT_ID, input.productId());
        values.put(TemplateField.PRODUCT_TYPE, input.productType());
        values.put(TemplateField.LANGUAGE_TAG, input.languageTag());
        values.put(TemplateField.LANGUAGE_NAME, LanguageNames.vietnameseName(input.languageTag()));
        values.put(TemplateField.TITLE, input.title().strip());
        values.put(TemplateField.SUMMARY, input.summary().strip());
        values.put(TemplateField.BODY, body.sanitizedHtml());
        values.put(TemplateField.BODY_TEXT, body.plainText());
        values.put(TemplateField.MESSAGE, input.message().strip());
        values.put(TemplateField.LINK, links.track(input.publicUrl(), channel.tracking(), input.campaignCode()));
        values.put(TemplateField.CAMPAIGN_CODE, input.campaignCode());
        values.put(TemplateField.AUTHOR, input.author());
        values.put(TemplateField.IMAGE_URL, input.imageUrl());
        values.put(TemplateField.AUDIO_URL, input.audioUrl());
        values.put(TemplateField.AUDIO_DURATION, minutesAndSeconds(input.audioDuration()));
        values.put(TemplateField.VIDEO_URL, input.videoUrl());
        values.put(TemplateField.VIDEO_DURATION, minutesAndSeconds(input.videoDuration()));
        return new TemplateValues(values);
    }

    public String get(TemplateField field) {
        return values.get(field);
    }

    /** The context handed to the template engine, keyed by {@link TemplateField#key()}. */
    public Map<String, Object> asContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        values.forEach((field, value) -> context.put(field.key(), value));
        return context;
    }

    static String minutesAndSeconds(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
