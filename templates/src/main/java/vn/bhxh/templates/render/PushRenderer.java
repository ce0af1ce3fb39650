package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.PushNotification;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class PushRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.VSSID_PUSH;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String title = texts.render(TemplateSlot.PUSH_TITLE);
        String body = texts.render(TemplateSlot.PUSH_BODY);
        String link = texts.value(TemplateField.LINK);
        rules.required("title", title).maxCharacters("title", title, ChannelLimits.PUSH_TITLE, Severity.BLOCKING)
                .required("body", body).maxCharacters("body", body, ChannelLimits.PUSH_BODY, Severity.BLOCKING)
                .tracked("url", link);
        return new PushNotification(title, body, link, texts.input().languageTag());
    }
}
