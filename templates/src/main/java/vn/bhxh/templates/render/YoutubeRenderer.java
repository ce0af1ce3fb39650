package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.YoutubeVideo;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class YoutubeRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.YOUTUBE;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String title = texts.render(TemplateSlot.YOUTUBE_TITLE);
        String description = texts.render(TemplateSlot.YOUTUBE_DESCRIPTION);
        String video = texts.value(TemplateField.VIDEO_URL);
        rules.required("title", title).maxCharacters("title", title, ChannelLimits.YOUTUBE_TITLE, Severity.BLOCKING)
                .noAngleBrackets("title", title)
                .maxUtf8Bytes("description", description, ChannelLimits.YOUTUBE_DESCRIPTION_BYTES, Severity.BLOCKING)
                .noAngleBrackets("description", description)
                .linksInTextTracked("description", description, PublicHost.of(texts.input()))
                .required("videoUrl", video);
        return new YoutubeVideo(title, description, texts.input().languageTag(), video);
    }
}
