package vn.bhxh.templates.payload;

import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.templates.channel.TemplateChannel;

/** The YouTube video resource's snippet for a product's video rendition. */
public record YoutubeVideo(String title, String description, String languageTag, String videoUrl) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.YOUTUBE;
    }

    /** The "snippet" part of the video resource sent when the upload starts. */
    public String toSnippetJson() {
        ObjectNode root = Json.object();
        ObjectNode snippet = root.putObject("snippet");
        snippet.put("title", title);
        snippet.put("description", description);
        snippet.put("defaultLanguage", languageTag);
        snippet.put("defaultAudioLanguage", languageTag);
        return Json.write(root);
    }
}
