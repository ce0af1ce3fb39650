package vn.bhxh.cms.asset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.store.BlobId;

/**
 * The files of a variant as channels need them: what they are and the public address remote services fetch them
 * from. Only files of variants released now that passed inspection are public; everything else stays behind the login.
 */
@Component
public class VariantMedia {

    /** Public files live under this path; {@code /api/v1/media/<asset id>/<file name>}. */
    public static final String PUBLIC_PATH = "/api/v1/media/";

    private final AssetStore assets;
    private final FileAccess access;
    private final MediaServices media;

    VariantMedia(AssetStore assets, FileAccess access, MediaServices media) {
        this.assets = assets;
        this.access = access;
        this.media = media;
    }

    /** One file of a variant. {@code durationSeconds} is set for audio and video. */
    public record MediaFile(String assetId, String fileName, String mediaType, Double durationSeconds) {

        public String publicPath() {
            return PUBLIC_PATH + assetId + "/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        }

        public boolean is(String kind) {
            return mediaType != null && mediaType.startsWith(kind + "/");
        }
    }

    public List<MediaFile> of(List<AssetRef> refs) {
        return refs.stream().map(ref -> assets.find(ref.assetId())).flatMap(Optional::stream)
                .map(a -> new MediaFile(a.id(), a.fileName(), a.mediaType(), a.durationSeconds())).toList();
    }

    /** The asset if it is public now ({@link FileAccess#isPublic}), else empty (the caller answers 404). */
    Optional<Asset> publicAsset(String assetId) {
        return assets.find(assetId).filter(access::isPublic);
    }

    /** Whether anyone may fetch the file from the public media route now (the public pages list only those). */
    public boolean isPublic(MediaFile file) {
        return publicAsset(file.assetId()).isPresent();
    }

    /** The bytes of a public file, for connectors on this instance (no HTTP round trip to ourselves). */
    public Optional<InputStream> openPublic(String assetId) throws IOException {
        Optional<Asset> asset = publicAsset(assetId);
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(media.store().open(BlobId.parse(asset.get().sha256())));
    }
}
