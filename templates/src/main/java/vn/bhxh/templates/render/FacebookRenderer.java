package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.FacebookPost;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class FacebookRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.FACEBOOK;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String message = texts.render(TemplateSlot.FACEBOOK_MESSAGE);
        String link = texts.value(TemplateField.LINK);
        rules.required("message", message)
                .maxCharacters("message", message, ChannelLimits.FACEBOOK_MESSAGE, Severity.BLOCKING)
                .tracked("link", link)
                .linksInTextTracked("message", message, PublicHost.of(texts.input()));
        return new FacebookPost(message, link, texts.value(TemplateField.IMAGE_URL));
    }
}
