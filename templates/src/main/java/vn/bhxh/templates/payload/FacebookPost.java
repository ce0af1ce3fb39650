package vn.bhxh.templates.payload;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.bhxh.templates.channel.TemplateChannel;

/**
 * A Facebook Page post: message text, the tracked link and, when the product has one, the image rendition.
 * With an image the publisher posts a photo (POST /{page-id}/photos with url and caption); without one a
 * link post (POST /{page-id}/feed with message and link) whose preview Facebook builds from the page.
 */
public record FacebookPost(String message, String link, String imageUrl) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.FACEBOOK;
    }

    public boolean isPhotoPost() {
        return !imageUrl.isEmpty();
    }

    /** Form fields for the Graph API call this post needs. */
    public Map<String, String> graphParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (isPhotoPost()) {
            parameters.put("url", imageUrl);
            parameters.put("caption", message);
        } else {
            parameters.put("message", message);
            parameters.put("link", link);
        }
        return parameters;
    }
}
