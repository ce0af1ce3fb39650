package vn.bhxh.publisher.connector.zalo;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A Zalo OA article as the templates' Zalo channel renders it: its body stays a list of blocks in reading order,
 * written as Zalo's own {@code {"type":"text"|"image"|"video", …}} objects.
 */
public record ZaloArticle(String title, String author, String description, String coverPhotoUrl, List<Block> body) {

    public ZaloArticle {
        body = body == null ? List.of() : List.copyOf(body);
    }

    /** One body block of the article. */
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
