package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.TemplateChannel;

/**
 * The portal article: an HTML fragment (an {@code <article>}) for the portal's page layout, plus its plain title;
 * {@code content} is the same article without the title, for a CMS (WordPress) that shows title and excerpt itself.
 */
public record PortalArticle(String languageTag, String title, String html, String content) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.PORTAL;
    }
}
