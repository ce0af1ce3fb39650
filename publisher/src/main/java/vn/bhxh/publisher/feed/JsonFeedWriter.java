package vn.bhxh.publisher.feed;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.job.Json;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). Our audience codes go in the {@code _bhxh} extension object. */
final class JsonFeedWriter {

    private JsonFeedWriter() {
    }

    static byte[] write(FeedChannel channel, List<FeedItem> items) {
        ObjectNode feed = Json.mapper().createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", channel.title());
        feed.put("home_page_url", channel.homePageUrl());
        feed.put("feed_url", channel.feedUrl());
        feed.put("language", channel.language());
        feed.putArray("authors").addObject().put("name", channel.author());
        ArrayNode array = feed.putArray("items");
        for (FeedItem item : items) {
            ObjectNode node = array.addObject();
            node.put("id", item.id());
            node.put("url", item.url());
            node.put("title", item.title());
            node.put("content_html", item.contentHtml());
            node.put("summary", item.summary());
            node.put("image", item.imageUrl());
            node.put("date_published", item.published().toString());
            node.put("date_modified", item.updated().toString());
            node.put("language", item.language());
            ArrayNode audiences = node.putObject("_bhxh").putArray("audiences");
            item.audiences().stream().sorted().forEach(audiences::add);
        }
        return Json.mapper().writeValueAsBytes(feed);
    }
}
