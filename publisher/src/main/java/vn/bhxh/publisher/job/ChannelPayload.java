package vn.bhxh.publisher.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Exactly what goes out to one channel target: kept with the job so anyone can later see what was published.
 * {@code title}, {@code summary} and {@code link} are the variant's own (for lists, logs and the delivery log);
 * {@code content} is the channel's template payload as it was rendered, serialised to JSON once at scheduling
 * time, and read by the connector as its own typed record ({@link #content(Class)}): the publisher never depends
 * on the templates module, yet a Zalo article's blocks stay blocks from template to connector.
 */
public record ChannelPayload(Channel channel, String targetId, String language, String audience,
                             String title, String summary, String link, List<MediaRef> media, JsonNode content) {

    public ChannelPayload {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The rendered template payload (any record the templates module made) as the JSON a job keeps. */
    public static JsonNode contentOf(Object rendered) {
        return Json.mapper().valueToTree(rendered);
    }

    /** The content as the connector's typed payload; fields it does not declare are ignored. */
    public <T> T content(Class<T> type) {
        if (content == null || content.isNull()) {
            throw new IllegalStateException("Bản tin không có nội dung kênh / the payload has no channel content");
        }
        return Json.mapper().treeToValue(content, type);
    }

    /**
     * SHA-256 over every field, each length-prefixed, so that no two different payloads can share a
     * canonical form (plain concatenation would let "ab"+"c" equal "a"+"bc").
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : canonicalFields()) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> canonicalFields() {
        List<String> fields = new ArrayList<>();
        fields.add(channel == null ? null : channel.id());
        fields.addAll(Arrays.asList(targetId, language, audience, title, summary, link));
        for (MediaRef ref : media) {
            fields.addAll(Arrays.asList(ref.url(), ref.fileName(), ref.contentType()));
        }
        fields.add(content == null ? null : Json.mapper().writeValueAsString(content));
        return fields;
    }
}
