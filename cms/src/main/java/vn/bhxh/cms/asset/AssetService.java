package vn.bhxh.cms.asset;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.inspect.Inspection;
import vn.bhxh.media.inspect.MediaMetadata;
import vn.bhxh.media.upload.IngestRequest;
import vn.bhxh.media.upload.IngestedFile;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.UploadException;
import vn.bhxh.media.upload.UploadId;

/** Turns uploads into asset records, and records downloads. */
@Service
class AssetService {

    private final MediaServices media;
    private final ResumableUploads uploads;
    private final AssetStore store;
    private final Clock clock;

    AssetService(MediaServices media, ResumableUploads uploads, AssetStore store, Clock clock) {
        this.media = media;
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    Asset upload(Actor actor, MediaProfile product, String declaredType, String fileName, OptionalLong length, InputStream content)
            throws MediaRefusal, IOException, InterruptedException {
        requireUploader(actor);
        IngestedFile file = media.ingestor().ingest(new IngestRequest(product, declaredType, fileName, length), content);
        return store.save(record(actor, product, file));
    }

    Asset completeUpload(Actor actor, UploadId id) throws MediaRefusal, IOException, InterruptedException, UploadException {
        requireUploader(actor);
        MediaProfile product = uploads.state(id).product();
        IngestedFile file = uploads.ingest(id, media.ingestor());
        return store.save(record(actor, product, file));
    }

    Asset get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("tệp", id));
    }

    void countDownload(Actor actor, Asset asset, String variant) {
        store.count(new Download(UUID.randomUUID().toString(), asset.id(), variant, actor.username(), actor.scopes().province(),
                clock.instant()));
    }

    static void requireUploader(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.EDITOR, Role.TRANSLATOR, Role.PROVINCIAL_STAFF)) {
            throw new AccessDeniedException("Uploading files needs an editor, translator or provincial role");
        }
    }

    private Asset record(Actor actor, MediaProfile product, IngestedFile file) {
        Inspection inspection = file.inspection();
        MediaMetadata metadata = inspection.metadata();
        Map<String, String> thumbnails = new LinkedHashMap<>();
        file.thumbnails().forEach((size, blob) -> thumbnails.put(size.name().toLowerCase(java.util.Locale.ROOT), blob.sha256()));
        List<String> warnings = inspection.warnings().stream().map(MediaMessage::text).toList();
        return new Asset(UUID.randomUUID().toString(), file.blob().id().sha256(), file.blob().size(), file.format().name(),
                file.format().mediaType(), product.name(), file.originalFileName(), inspection.status().name(), warnings,
                inspection.failure().map(MediaMessage::text).orElse(null),
                metadata.duration().map(d -> d.toMillis() / 1000.0).orElse(null),
                metadata.width().orElse(null), metadata.height().orElse(null), metadata.pageCount().orElse(null),
                metadata.text().orElse(null), metadata.channels().orElse(null), metadata.sampleRateHz().orElse(null),
                metadata.loudness().map(l -> finite(l.integratedLufs())).orElse(null),
                metadata.loudness().map(l -> finite(l.truePeakDbtp())).orElse(null),
                thumbnails, List.of(), actor.username(), clock.instant());
    }

    /** Silence measures −∞, which JSON cannot carry. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
