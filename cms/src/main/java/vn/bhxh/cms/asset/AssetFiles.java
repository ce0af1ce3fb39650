package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.ProductType;
import vn.bhxh.media.bundle.BundleEntry;
import vn.bhxh.media.bundle.ZipBundleWriter;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.store.BlobId;

/**
 * Files for the web pages, which sign in with a session rather than the API's credentials: the same upload,
 * serving, counting and bundling as {@link AssetController}, through the same service, store and responder.
 */
@Service
public class AssetFiles {

    /** Files one bundle may hold (a variant holds at most 50; a provincial selection spans a few products). */
    public static final int MAX_BUNDLE_ITEMS = 200;

    private final AssetService assets;
    private final AssetStore store;
    private final BlobResponder responder;
    private final ZipBundleWriter bundles;

    AssetFiles(AssetService assets, AssetStore store, BlobResponder responder, ZipBundleWriter bundles) {
        this.assets = assets;
        this.store = store;
        this.responder = responder;
        this.bundles = bundles;
    }

    public Asset upload(Actor actor, ProductType product, String declaredType, String fileName, OptionalLong length,
            InputStream content) throws MediaRefusal, IOException, InterruptedException {
        return assets.upload(actor, product, declaredType, fileName, length, content);
    }

    public Asset get(String id) {
        return assets.get(id);
    }

    /** The original file; counted as a download unless it is a player seeking or a cache revalidating. */
    public void serveOriginal(Actor actor, String id, boolean inline, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = assets.get(id);
        String range = request.getHeader("Range");
        boolean seek = range != null && !range.strip().startsWith("bytes=0-");
        if (!seek && request.getHeader("If-None-Match") == null && !"HEAD".equals(request.getMethod())) {
            assets.countDownload(actor, asset, "original");
        }
        responder.serve(request, response, BlobId.parse(asset.sha256()), asset.mediaType(),
                inline ? ContentDispositions.inline(asset.fileName()) : ContentDispositions.attachment(asset.fileName()));
    }

    /** A preview image (an image's or a PDF's first page), if inspection made one of that size. */
    public boolean hasThumbnail(Asset asset, ThumbnailSize size) {
        return asset.thumbnails() != null && asset.thumbnails().containsKey(size.name().toLowerCase(Locale.ROOT));
    }

    public void serveThumbnail(String id, ThumbnailSize size, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = assets.get(id);
        if (!hasThumbnail(asset, size)) {
            throw new NotFoundException("ảnh xem trước", id + "/" + size);
        }
        responder.serve(request, response, BlobId.parse(asset.thumbnails().get(size.name().toLowerCase(Locale.ROOT))),
                "image/jpeg", ContentDispositions.inline(asset.id() + "-" + size.name().toLowerCase(Locale.ROOT) + ".jpg"));
    }

    /** One bundle entry: which asset, and the product, language and revision it is filed under in the ZIP. */
    public record Item(String assetId, String product, String language, int version) {
    }

    /** Counts each file as a bundle download, then writes the ZIP with its manifest to {@code out} as it is made. */
    public void writeBundle(Actor actor, String title, List<Item> items, OutputStream out) throws IOException {
        List<BundleEntry> entries = items.stream().map(item -> {
            Asset asset = assets.get(item.assetId());
            assets.countDownload(actor, asset, "bundle");
            return new BundleEntry(item.product(), item.language(), item.version(), asset.fileName(), BlobId.parse(asset.sha256()));
        }).toList();
        bundles.write(title, entries, out);
    }

    public static String attachment(String fileName) {
        return ContentDispositions.attachment(fileName);
    }

    /** The user's own downloads, newest first. */
    public List<Download> downloadsBy(Actor actor, int limit) {
        return store.downloadsBy(actor.username(), limit);
    }

    /** How many files the staff of a province downloaded in [from, to) (the provinces' communication reports). */
    public long downloadsOfProvince(String province, Instant from, Instant to) {
        return store.downloadsOfProvince(province, from, to);
    }
}
