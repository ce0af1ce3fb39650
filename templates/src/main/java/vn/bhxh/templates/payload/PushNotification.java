package vn.bhxh.templates.payload;

import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.templates.channel.TemplateChannel;

/** A VssID push notification, sent as JSON through the signed push webhook. */
public record PushNotification(String title, String body, String url, String languageTag) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.VSSID_PUSH;
    }

    public String toJson() {
        ObjectNode root = Json.object();
        root.put("title", title);
        root.put("body", body);
        root.put("url", url);
        root.put("language", languageTag);
        return Json.write(root);
    }
}
