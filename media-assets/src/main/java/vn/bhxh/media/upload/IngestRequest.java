package vn.bhxh.media.upload;

import java.util.OptionalLong;
import vn.bhxh.media.MediaProfile;

/**
 * What a client says about a file it uploads. Only the product type is trusted (it comes from our own
 * record); the type, the name and the length are claims, checked against the content.
 */
public record IngestRequest(MediaProfile product, String declaredMediaType, String fileName, OptionalLong announcedLength) {
}
