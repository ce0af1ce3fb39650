package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.bundle.ZipBundleWriter;
import vn.bhxh.media.derive.DerivationFailure;
import vn.bhxh.media.derive.Rendition;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.store.BlobId;

/**
 * Files: upload in one request (small files; large ones use {@link UploadController}), the record,
 * the original, previews, channel renditions and ZIP bundles.
 */
@RestController
@RequestMapping("/api/v1/assets")
class AssetController {

    private final AssetService assets;
    private final MediaServices media;
    private final BlobResponder responder;
    private final ZipBundleWriter bundles;

    AssetController(AssetService assets, MediaServices media, BlobResponder responder, ZipBundleWriter bundles) {
        this.assets = assets;
        this.media = media;
        this.responder = responder;
        this.bundles = bundles;
    }

    /** The body is the file itself; its name comes as {@code fileName} (UTF-8, URL-encoded). */
    @PostMapping
    ResponseEntity<Asset> upload(@AuthenticationPrincipal AccountPrincipal user, @RequestParam MediaProfile productType,
            @RequestParam String fileName, @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request) throws IOException, MediaRefusal, InterruptedException {
        long length = request.getContentLengthLong();
        Asset asset = assets.upload(user.actor(), productType, contentType, fileName,
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), request.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id())).body(asset);
    }

    @GetMapping("/{id}")
    Asset get(@PathVariable String id) {
        return assets.get(id);
    }

    @GetMapping("/{id}/content")
    void content(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Asset asset = assets.get(id);
        countUnlessRevalidationOrSeek(user, asset, "original", request);
        responder.serve(request, response, BlobId.parse(asset.sha256()), asset.mediaType(), ContentDispositions.attachment(asset.fileName()));
    }

    @GetMapping("/{id}/thumbnails/{size}")
    void thumbnail(@PathVariable String id, @PathVariable String size, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = assets.get(id);
        ThumbnailSize thumbnailSize = parse(ThumbnailSize.class, size, id);
        String blob = asset.thumbnails() == null ? null : asset.thumbnails().get(thumbnailSize.name().toLowerCase(Locale.ROOT));
        if (blob == null) {
            throw new NotFoundException("ảnh xem trước", id + "/" + size);
        }
        responder.serve(request, response, BlobId.parse(blob), MediaType.IMAGE_JPEG_VALUE,
                ContentDispositions.inline(baseName(asset.fileName()) + "-" + size + ".jpg"));
    }

    /** {@code link-share} (1200×630) or {@code square}; made from the original the first time it is asked for. */
    @GetMapping("/{id}/renditions/{name}")
    void rendition(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String name,
            HttpServletRequest request, HttpServletResponse response) throws IOException, MediaRefusal, DerivationFailure {
        Asset asset = assets.get(id);
        Rendition rendition = parse(Rendition.class, name, id);
        vn.bhxh.media.FileFormat format = vn.bhxh.media.FileFormat.valueOf(asset.format());
        if (!vn.bhxh.media.derive.Thumbnailer.canPreview(format)) {
            throw new NotFoundException("bản kênh", id + "/" + name);
        }
        BlobId blob = media.derivatives().rendition(BlobId.parse(asset.sha256()), format, rendition);
        countUnlessRevalidationOrSeek(user, asset, name, request);
        responder.serve(request, response, blob, MediaType.IMAGE_JPEG_VALUE,
                ContentDispositions.attachment(baseName(asset.fileName()) + "-" + name + ".jpg"));
    }

    /** A selection of assets as one ZIP with a manifest, streamed as it is made. */
    @PostMapping(value = "/bundles", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> bundle(@AuthenticationPrincipal AccountPrincipal user, @RequestBody BundleRequest request) {
        List<BundleEntry> entries = request.items().stream().map(item -> {
            Asset asset = assets.get(item.assetId());
            assets.countDownload(user.actor(), asset, "bundle");
            return new BundleEntry(item.product(), item.language(), item.version(), asset.fileName(), BlobId.parse(asset.sha256()));
        }).toList();
        String title = request.title() == null || request.title().isBlank() ? "bundle" : request.title();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(title + ".zip"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> bundles.write(title, entries, out));
    }

    record BundleRequest(String title, List<BundleItem> items) {
    }

    record BundleItem(String assetId, String product, String language, int version) {
    }

    /** A player seeking (Range) or a cache revalidating is not a new download for the monthly report. */
    private void countUnlessRevalidationOrSeek(AccountPrincipal user, Asset asset, String variant, HttpServletRequest request) {
        String range = request.getHeader(HttpHeaders.RANGE);
        boolean seek = range != null && !range.strip().startsWith("bytes=0-");
        if (!seek && request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && !"HEAD".equals(request.getMethod())) {
            assets.countDownload(user.actor(), asset, variant);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String id) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(type.getSimpleName(), id + "/" + name);
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
