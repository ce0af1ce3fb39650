package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.PortalArticle;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.template.TemplateField;

final class PortalRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.PORTAL;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String html = texts.render(TemplateSlot.PORTAL_ARTICLE);
        String content = texts.render(TemplateSlot.PORTAL_CONTENT);
        rules.required("body", texts.value(TemplateField.BODY_TEXT));
        return new PortalArticle(texts.input().languageTag(), texts.value(TemplateField.TITLE), html, content);
    }
}
