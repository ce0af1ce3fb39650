package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
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
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.derive.DerivationFailure;
import vn.bhxh.media.derive.Rendition;
import vn.bhxh.media.derive.ThumbnailSize;

/**
 * Files: upload in one request (small files; large ones use {@link UploadController}), the record,
 * the original, previews, channel renditions and ZIP bundles.
 */
@RestController
@RequestMapping("/api/v1/assets")
class AssetController {

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    /** The body is the file itself; its name comes as {@code fileName} (UTF-8, URL-encoded). */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Asset> upload(@AuthenticationPrincipal AccountPrincipal user, @RequestParam MediaProfile productType,
            @RequestParam String fileName, @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request) throws IOException, MediaRefusal, InterruptedException {
        Asset asset = assets.upload(user.actor(), FileUpload.of(productType, fileName, contentType, request));
        return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id())).body(asset);
    }

    @GetMapping("/{id}")
    Asset get(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return assets.read(user.actor(), id);
    }

    @GetMapping("/{id}/content")
    void content(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        assets.serveOriginal(user.actor(), id, false, request, response);
    }

    @GetMapping("/{id}/thumbnails/{size}")
    void thumbnail(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String size,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        assets.serveThumbnail(user.actor(), id, parse(ThumbnailSize.class, size, id), request, response);
    }

    /** {@code link-share} (1200×630) or {@code square}; made from the original the first time it is asked for. */
    @GetMapping("/{id}/renditions/{name}")
    void rendition(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String name,
            HttpServletRequest request, HttpServletResponse response) throws IOException, MediaRefusal, DerivationFailure {
        assets.serveRendition(user.actor(), id, parse(Rendition.class, name, id), name, request, response);
    }

    /** A selection of assets as one ZIP with a manifest, streamed as it is made. */
    @PostMapping(value = "/bundles", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> bundle(@AuthenticationPrincipal AccountPrincipal user, @RequestBody BundleRequest request) {
        if (request.items() == null) {
            throw new BadRequestException("missing-field", "items");
        }
        List<BundleEntry> entries = assets.bundleEntries(user.actor(), request.items());
        String title = request.title() == null || request.title().isBlank() ? "bundle" : request.title();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(title + ".zip"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> assets.writeBundle(title, entries, out));
    }

    record BundleRequest(String title, List<AssetService.BundleItem> items) {
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String id) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(type.getSimpleName(), id + "/" + name);
        }
    }
}
