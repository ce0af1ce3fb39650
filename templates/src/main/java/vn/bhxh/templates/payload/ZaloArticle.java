package vn.bhxh.templates.payload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bhxh.templates.channel.TemplateChannel;

/** A Zalo OA article (POST /v2.0/article/create, type "normal"). */
public record ZaloArticle(String title, String author, String description, String coverPhotoUrl, List<Block> body)
        implements ChannelPayload {

    public ZaloArticle {
        body = List.copyOf(body);
    }

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.ZALO;
    }

    /** The request body for article/create. */
    public String toJson() {
        ObjectNode root = Json.object();
        root.put("type", "normal");
        root.put("title", title);
        root.put("author", author);
        root.put("description", description);
        ObjectNode cover = root.putObject("cover");
        cover.put("cover_type", "photo");
        cover.put("photo_url", coverPhotoUrl);
        cover.put("status", "show");
        ArrayNode blocks = root.putArray("body");
        for (Block block : body) {
            ObjectNode node = blocks.addObject();
            switch (block) {
                case Block.Text text -> {
                    node.put("type", "text");
                    node.put("content", text.content());
                }
                case Block.Image image -> {
                    node.put("type", "image");
                    node.put("url", image.url());
                    node.put("caption", image.caption());
                }
                case Block.Video video -> {
                    node.put("type", "video");
                    node.put("url", video.url());
                    node.put("thumb", video.thumb());
                }
            }
        }
        root.put("status", "show");
        root.put("comment", "show");
        return Json.write(root);
    }

    /**
     * One body block of a Zalo article, in reading order. Serialised (the job keeps the payload as JSON) with Zalo's
     * own {@code type} names, so the publisher reads the blocks back as blocks.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Block.Text.class, name = "text"),
            @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
            @JsonSubTypes.Type(value = Block.Video.class, name = "video")})
    public sealed interface Block {
        record Text(String content) implements Block {
        }

        record Image(String url, String caption) implements Block {
        }

        record Video(String url, String thumb) implements Block {
        }
    }
}
