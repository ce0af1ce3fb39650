package vn.bhxh.publisher.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Exactly what goes out to one channel target: kept with the job so anyone can later see what was
 * published. Our own record rather than the templates module's type, so the two modules can evolve apart.
 */
public record ChannelPayload(Channel channel, String targetId, String language, String audience,
                             String title, String body, String summary, String link, List<MediaRef> media) {

    public ChannelPayload {
        media = media == null ? List.of() : List.copyOf(media);
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
        var fields = new java.util.ArrayList<String>();
        fields.add(channel == null ? null : channel.name());
        fields.addAll(java.util.Arrays.asList(targetId, language, audience, title, body, summary, link));
        for (MediaRef ref : media) {
            fields.addAll(java.util.Arrays.asList(ref.url(), ref.fileName(), ref.contentType()));
        }
        return fields;
    }
}
