package vn.bhxh.cms.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.AssetRef;
import vn.bhxh.cms.asset.AssetService;
import vn.bhxh.cms.asset.ContentDispositions;
import vn.bhxh.cms.asset.Download;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.derive.ThumbnailSize;

/**
 * Files for signed-in pages: the original (download or inline for players), preview images, a bundle of chosen
 * files of one variant, and the user's own download history. Every download is counted per user by the asset service.
 */
@PageController
class FilesController {

    /** Rows the download history shows. */
    static final int HISTORY_SIZE = 200;

    private final AssetService files;
    private final ProductService products;

    FilesController(AssetService files, ProductService products) {
        this.files = files;
        this.products = products;
    }

    @GetMapping("/files/{assetId}")
    void download(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String assetId,
            @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        files.serveOriginal(user.actor(), assetId, inline, request, response);
    }

    @GetMapping("/files/{assetId}/thumbnails/{size}")
    void thumbnail(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String assetId, @PathVariable String size,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ThumbnailSize thumbnailSize;
        try {
            thumbnailSize = ThumbnailSize.valueOf(size.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("ảnh xem trước", assetId + "/" + size);
        }
        files.serveThumbnail(user.actor(), assetId, thumbnailSize, request, response);
    }

    /**
     * The chosen files of one variant as one ZIP, made while it downloads. Only files of that variant, which the user
     * must be able to read, can be chosen.
     */
    @PostMapping(value = "/catalogue/{id}/{language}/bundle", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> bundle(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam(name = "assetId", required = false) List<String> chosen) {
        Variant variant = products.readVariant(user.actor(), id, language);
        if (chosen == null || chosen.isEmpty()) {
            throw new BadRequestException("ui-bundle-empty");
        }
        List<String> own = variant.content().assets().stream().map(AssetRef::assetId).toList();
        List<AssetService.BundleItem> items = chosen.stream().distinct().map(assetId -> {
            if (!own.contains(assetId)) {
                throw new NotFoundException("tệp", assetId);
            }
            return new AssetService.BundleItem(assetId, variant.content().title(), language, variant.revision());
        }).toList();
        List<BundleEntry> entries = files.bundleEntries(user.actor(), items);
        String title = variant.content().hasTitle() ? variant.content().title() : id;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(title + ".zip"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> files.writeBundle(title, entries, out));
    }

    @GetMapping("/downloads")
    String history(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<Download> downloads = files.downloadsBy(user.actor(), HISTORY_SIZE);
        model.addAttribute("downloads", downloads.stream().map(d -> row(user.actor(), d)).toList());
        model.addAttribute("limit", HISTORY_SIZE);
        return "catalogue/downloads";
    }

    /**
     * A past download; {@code available}: the user may still fetch the file. A file withdrawn or archived since keeps its
     * name (the user had it) but loses its link; a file whose record is gone has no name left.
     */
    record HistoryRow(Download download, String fileName, boolean available) {
    }

    private HistoryRow row(Actor actor, Download download) {
        try {
            Asset asset = files.get(download.assetId());
            return new HistoryRow(download, asset.fileName(), files.mayRead(actor, asset));
        } catch (NotFoundException e) {
            return new HistoryRow(download, null, false);
        }
    }
}
