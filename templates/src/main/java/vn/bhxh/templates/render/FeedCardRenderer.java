package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.FeedCard;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class FeedCardRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.VSSID_FEED;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String title = texts.render(TemplateSlot.FEED_TITLE);
        String summary = texts.render(TemplateSlot.FEED_SUMMARY);
        String link = texts.value(TemplateField.LINK);
        rules.required("title", title).maxCharacters("title", title, ChannelLimits.FEED_TITLE, Severity.WARNING)
                .maxCharacters("summary", summary, ChannelLimits.FEED_SUMMARY, Severity.WARNING)
                .tracked("url", link);
        String id = "bhxh:product:" + texts.input().productId() + ":" + texts.input().languageTag();
        return new FeedCard(id, link, title, summary, texts.value(TemplateField.IMAGE_URL), texts.input().languageTag());
    }
}
