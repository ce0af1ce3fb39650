package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.TemplateChannel;

/** The portal article: an HTML fragment (an {@code <article>}) for the portal's page layout, plus its plain title. */
public record PortalArticle(String languageTag, String title, String html) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.PORTAL;
    }
}
