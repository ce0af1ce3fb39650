package vn.bhxh.cms.publicpage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.elasticsearch.core.ElasticsearchOperations;
import org.springframework.data.elasticsearch.core.query.IndexQuery;
import org.springframework.data.elasticsearch.core.query.IndexQueryBuilder;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.asset.PublicMediaUrls;
import vn.bhxh.cms.elasticsearch.IndexInitializer;
import vn.bhxh.cms.elasticsearch.VersionConflicts;

/**
 * The short public address of a variant, {@code <public base>/p/<code>}: what print QR codes, posts and feeds link to.
 * The code is derived from the product id (random) and the language, so it is the same on every instance and every
 * time, tells nothing about the product and cannot be guessed from another code; it is stored once (create only) so
 * that a visit can find its variant again.
 */
@Component
public class ShortLinks {

    public static final String PATH = "/p/";
    /** 10 characters of a 32-letter alphabet: 50 bits, short enough to type from paper. */
    static final int CODE_LENGTH = 10;
    /** No 0/o, 1/l: codes are read off printed paper. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final ElasticsearchOperations operations;
    private final IndexInitializer indices;
    private final String base;
    /** Variants whose code is known to be stored: the store is asked only once per variant and instance. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();

    /** {@code site}: where this CMS is reached from outside, as for the public files ({@code bhxh.publishing.public-base-url}). */
    ShortLinks(ElasticsearchOperations operations, IndexInitializer indices, PublicMediaUrls site) {
        this.operations = operations;
        this.indices = indices;
        this.base = site.baseUrl() + PATH;
    }

    /** The public address of a variant, storing its code on first use. */
    public String url(String productId, String language) {
        return base + stored.computeIfAbsent(productId + "~" + language, key -> store(productId, language));
    }

    Optional<ShortLink> find(String code) {
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        indices.requireReady();
        return Optional.ofNullable(operations.get(code, ShortLink.class));
    }

    static String code(String productId, String language) {
        byte[] hash = sha256(productId + "~" + language);
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt((int) ((bits >>> (64 - 5 * (i + 1))) & 31)));
        }
        return code.toString();
    }

    private String store(String productId, String language) {
        indices.requireReady();
        ShortLink link = new ShortLink(code(productId, language), productId, language);
        IndexQuery create = new IndexQueryBuilder().withId(link.code()).withObject(link).withOpType(IndexQuery.OpType.CREATE).build();
        try {
            operations.index(create, operations.getIndexCoordinatesFor(ShortLink.class));
        } catch (RuntimeException e) {
            if (!VersionConflicts.is(e)) {
                throw e;
            }
            ShortLink existing = operations.get(link.code(), ShortLink.class);
            // Two variants sharing 50 bits of SHA-256 is not expected in this catalogue's lifetime; if it happens, say so.
            if (existing == null || !existing.equals(link)) {
                throw new IllegalStateException("short code " + link.code() + " already stands for another variant");
            }
        }
        return link.code();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
