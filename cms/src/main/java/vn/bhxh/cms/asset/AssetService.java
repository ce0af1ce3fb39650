package vn.bhxh.cms.asset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.bundle.ZipBundleWriter;
import vn.bhxh.media.derive.DerivationFailure;
import vn.bhxh.media.derive.Rendition;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.derive.Thumbnailer;
import vn.bhxh.media.inspect.Inspection;
import vn.bhxh.media.inspect.MediaMetadata;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.upload.IngestRequest;
import vn.bhxh.media.upload.IngestedFile;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.UploadException;
import vn.bhxh.media.upload.UploadId;

/**
 * Files, for the API and the pages alike: uploads become asset records; originals, previews, renditions and bundles
 * are served with their downloads counted; products record which files they use and search their text.
 */
@Service
public class AssetService {

    /** Files one bundle may hold (a variant holds at most 50; a provincial selection spans a few products). */
    public static final int MAX_BUNDLE_ITEMS = 200;
    /** Enough for a folded leaflet or a handbook chapter; longer texts are cut to keep variant documents small. */
    static final int MAX_TEXT = 100_000;

    private final MediaServices media;
    private final ResumableUploads uploads;
    private final AssetStore store;
    private final BlobResponder responder;
    private final ZipBundleWriter bundles;
    private final FileAccess access;
    private final Clock clock;
    private final MeterRegistry meters;

    AssetService(MediaServices media, ResumableUploads uploads, AssetStore store, BlobResponder responder, ZipBundleWriter bundles,
            FileAccess access, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.media = media;
        this.access = access;
        this.uploads = uploads;
        this.store = store;
        this.responder = responder;
        this.bundles = bundles;
        this.clock = clock;
    }

    public Asset upload(Actor actor, FileUpload upload) throws MediaRefusal, IOException, InterruptedException {
        requireUploader(actor);
        Timer.Sample started = Timer.start(meters);
        String outcome = "failed";
        try {
            IngestedFile file = media.ingestor().ingest(new IngestRequest(upload.productType(), upload.contentType(), upload.fileName(),
                    upload.length()), upload.content());
            Asset asset = store.save(record(actor, upload.productType(), file));
            outcome = "stored";
            return asset;
        } catch (MediaRefusal refusal) {
            outcome = "refused";
            throw refusal;
        } finally {
            uploaded(started, "request", outcome);
        }
    }

    Asset completeUpload(Actor actor, UploadId id) throws MediaRefusal, IOException, InterruptedException, UploadException {
        requireUploader(actor);
        Timer.Sample started = Timer.start(meters);
        String outcome = "failed";
        try {
            MediaProfile product = uploads.state(id).product();
            IngestedFile file = uploads.ingest(id, media.ingestor());
            Asset asset = store.save(record(actor, product, file));
            outcome = "stored";
            return asset;
        } catch (MediaRefusal refusal) {
            outcome = "refused";
            throw refusal;
        } finally {
            uploaded(started, "tus", outcome);
        }
    }

    /**
     * {@code bhxh_uploads_total} and {@code bhxh_upload_seconds} (receiving, inspecting and storing one file) by way
     * ({@code request}: the body of one request; {@code tus}: a resumable upload's last step) and outcome
     * ({@code stored}, {@code refused} by the checks, {@code failed}).
     */
    private void uploaded(Timer.Sample started, String way, String outcome) {
        meters.counter("bhxh.uploads", "way", way, "outcome", outcome).increment();
        started.stop(Timer.builder("bhxh.upload").description("Receiving, inspecting and storing one file")
                .tag("way", way).tag("outcome", outcome).register(meters));
    }

    public Asset get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("tệp", id));
    }

    public Optional<Asset> find(String id) {
        return store.find(id);
    }

    /** The file if the actor may fetch it ({@link FileAccess}); 404 otherwise, exactly like a file that does not exist. */
    public Asset read(Actor actor, String id) {
        Asset asset = get(id);
        if (!access.mayRead(actor, asset)) {
            throw new NotFoundException("tệp", id);
        }
        return asset;
    }

    /** Whether the actor may fetch the file now (the download history links only those). */
    public boolean mayRead(Actor actor, Asset asset) {
        return access.mayRead(actor, asset);
    }

    /**
     * The original file; counted as a download unless it is a player seeking (Range) or a cache revalidating, which
     * are not new downloads for the monthly report.
     */
    public void serveOriginal(Actor actor, String id, boolean inline, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = read(actor, id);
        countUnlessRevalidationOrSeek(actor, asset, "original", request);
        responder.serve(request, response, BlobId.parse(asset.sha256()), asset.mediaType(), ContentDispositions.of(asset, inline),
                BlobResponder.Caching.SIGNED_IN);
    }

    /** A preview image (an image's or a PDF's first page), if inspection made one of that size. */
    public boolean hasThumbnail(Asset asset, ThumbnailSize size) {
        return asset.thumbnails() != null && asset.thumbnails().containsKey(name(size));
    }

    public void serveThumbnail(Actor actor, String id, ThumbnailSize size, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Asset asset = read(actor, id);
        if (!hasThumbnail(asset, size)) {
            throw new NotFoundException("ảnh xem trước", id + "/" + name(size));
        }
        responder.serve(request, response, BlobId.parse(asset.thumbnails().get(name(size))), MediaType.IMAGE_JPEG_VALUE,
                ContentDispositions.inline(baseName(asset.fileName()) + "-" + name(size) + ".jpg"), BlobResponder.Caching.SIGNED_IN);
    }

    /** {@code link-share} (1200×630) or {@code square}; made from the original the first time it is asked for. */
    void serveRendition(Actor actor, String id, Rendition rendition, String name, HttpServletRequest request,
            HttpServletResponse response) throws IOException, MediaRefusal, DerivationFailure {
        Asset asset = read(actor, id);
        FileFormat format = FileFormat.valueOf(asset.format());
        if (!Thumbnailer.canPreview(format)) {
            throw new NotFoundException("bản kênh", id + "/" + name);
        }
        BlobId blob = media.derivatives().rendition(BlobId.parse(asset.sha256()), format, rendition);
        countUnlessRevalidationOrSeek(actor, asset, name, request);
        responder.serve(request, response, blob, MediaType.IMAGE_JPEG_VALUE,
                ContentDispositions.attachment(baseName(asset.fileName()) + "-" + name + ".jpg"), BlobResponder.Caching.SIGNED_IN);
    }

    /** One bundle entry: which asset, and the product, language and revision it is filed under in the ZIP. */
    public record BundleItem(String assetId, String product, String language, int version) {
    }

    /**
     * A bundle's entries, each file counted as a bundle download. Every file is looked up before anything is written, so
     * an unknown one, or one the actor may not fetch, is refused with a 404 rather than cutting a ZIP short.
     */
    public List<BundleEntry> bundleEntries(Actor actor, List<BundleItem> items) {
        if (items.size() > MAX_BUNDLE_ITEMS) {
            throw new BadRequestException("ui-bundle-too-large", MAX_BUNDLE_ITEMS);
        }
        List<Asset> chosen = items.stream().map(item -> read(actor, item.assetId())).toList();
        List<BundleEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BundleItem item = items.get(i);
            Asset asset = chosen.get(i);
            countDownload(actor, asset, "bundle");
            entries.add(new BundleEntry(item.product(), item.language(), item.version(), asset.fileName(), BlobId.parse(asset.sha256())));
        }
        return entries;
    }

    /** Writes the ZIP with its manifest to {@code out} as it is made. */
    public void writeBundle(String title, List<BundleEntry> entries, OutputStream out) throws IOException {
        bundles.write(title, entries, out);
    }

    /** The user's own downloads, newest first. */
    public List<Download> downloadsBy(Actor actor, int limit) {
        return store.downloadsBy(actor.username(), limit);
    }

    /** How many files the staff of a province downloaded in [from, to) (the provinces' communication reports). */
    public long downloadsOfProvince(String province, Instant from, Instant to) {
        return store.downloadsOfProvince(province, from, to);
    }

    /** The text extracted from the files (PDF leaflets…), which search covers too; empty when they have none. */
    public String textOf(List<AssetRef> refs) {
        String text = refs.stream().map(ref -> store.find(ref.assetId()).map(Asset::text).orElse(null))
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /**
     * Records that the product uses these files (the asset records list their products), refusing ids that name
     * no file with a 400 problem.
     */
    public void markUsedBy(String productId, List<AssetRef> refs) {
        for (AssetRef ref : refs) {
            Asset asset = store.find(ref.assetId()).orElseThrow(() -> new BadRequestException("unknown-asset", ref.assetId()));
            List<String> users = asset.usedByProducts() == null ? new ArrayList<>() : new ArrayList<>(asset.usedByProducts());
            if (!users.contains(productId)) {
                users.add(productId);
                store.save(asset.usedBy(users));
            }
        }
    }

    void countDownload(Actor actor, Asset asset, String variant) {
        store.count(new Download(UUID.randomUUID().toString(), asset.id(), variant, actor.username(), actor.scopes().province(),
                clock.instant()));
    }

    private void countUnlessRevalidationOrSeek(Actor actor, Asset asset, String variant, HttpServletRequest request) {
        String range = request.getHeader(HttpHeaders.RANGE);
        boolean seek = range != null && !range.strip().startsWith("bytes=0-");
        if (!seek && request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && !"HEAD".equals(request.getMethod())) {
            countDownload(actor, asset, variant);
        }
    }

    private static String name(ThumbnailSize size) {
        return size.name().toLowerCase(Locale.ROOT);
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
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
        file.thumbnails().forEach((size, blob) -> thumbnails.put(size.name().toLowerCase(Locale.ROOT), blob.sha256()));
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
