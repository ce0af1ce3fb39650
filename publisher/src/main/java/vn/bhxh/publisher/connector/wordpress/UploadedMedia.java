package vn.bhxh.publisher.connector.wordpress;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.publisher.job.Json;

/**
 * The files a job put into WordPress's media library, by the CMS address they came from: kept in the job (one connector
 * state entry, as JSON) so that a retry does not upload them again, an update in place reuses them, and withdrawal
 * deletes exactly these.
 */
record UploadedMedia(Map<String, Item> byUrl) {

    /** One media item: its id and the address WordPress serves its copy at. */
    record Item(long id, String sourceUrl) {
    }

    UploadedMedia {
        byUrl = new LinkedHashMap<>(byUrl);
    }

    static UploadedMedia read(String json) {
        Map<String, Item> items = new LinkedHashMap<>();
        JsonNode node = json == null ? null : Json.parseOrNull(json);
        if (node != null) {
            node.properties().forEach(e -> items.put(e.getKey(),
                    new Item(e.getValue().path("id").asLong(), e.getValue().path("source").asString())));
        }
        return new UploadedMedia(items);
    }

    Item get(String url) {
        return byUrl.get(url);
    }

    void put(String url, Item item) {
        byUrl.put(url, item);
    }

    boolean holds(long id) {
        return byUrl.values().stream().anyMatch(item -> item.id() == id);
    }

    String json() {
        ObjectNode node = Json.mapper().createObjectNode();
        byUrl.forEach((url, item) -> node.putObject(url).put("id", item.id()).put("source", item.sourceUrl()));
        return node.toString();
    }
}
