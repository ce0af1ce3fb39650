package vn.bhxh.templates.render;

import java.util.ArrayList;
import java.util.List;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.content.HtmlBody;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.ZaloArticle;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class ZaloRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.ZALO;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String title = texts.render(TemplateSlot.ZALO_TITLE);
        String author = texts.render(TemplateSlot.ZALO_AUTHOR);
        String description = texts.render(TemplateSlot.ZALO_DESCRIPTION);
        String cover = texts.value(TemplateField.IMAGE_URL);
        List<ZaloArticle.Block> body = blocks(texts);
        rules.required("title", title).maxCharacters("title", title, ChannelLimits.ZALO_TITLE, Severity.BLOCKING)
                .required("author", author).maxCharacters("author", author, ChannelLimits.ZALO_AUTHOR, Severity.BLOCKING)
                .required("description", description)
                .maxCharacters("description", description, ChannelLimits.ZALO_DESCRIPTION, Severity.BLOCKING)
                .required("cover", cover);
        if (body.isEmpty()) {
            rules.required("body", "");
        }
        return new ZaloArticle(title, author, description, cover, body);
    }

    /** Zalo takes only absolute image URLs; relative ones from the body are left out. */
    private static List<ZaloArticle.Block> blocks(SlotTexts texts) {
        List<ZaloArticle.Block> blocks = new ArrayList<>();
        for (HtmlBody.BodyBlock block : HtmlBody.of(texts.input().bodyHtml()).blocks()) {
            switch (block) {
                case HtmlBody.BodyBlock.Text text -> blocks.add(new ZaloArticle.Block.Text(text.text()));
                case HtmlBody.BodyBlock.Image image -> {
                    if (image.url().startsWith("https://") || image.url().startsWith("http://")) {
                        blocks.add(new ZaloArticle.Block.Image(image.url(), image.caption()));
                    }
                }
            }
        }
        String video = texts.value(TemplateField.VIDEO_URL);
        if (!video.isEmpty()) {
            blocks.add(new ZaloArticle.Block.Video(video, texts.value(TemplateField.IMAGE_URL)));
        }
        return blocks;
    }
}
