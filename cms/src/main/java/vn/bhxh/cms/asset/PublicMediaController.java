package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.media.store.BlobId;

/**
 * Files of approved and published products without a login: Facebook, Zalo, portals and the app fetch the images,
 * audio and video of a post from here. A draft's, a withdrawn variant's or a failed file answers 404, exactly like a file
 * that does not exist; images, audio and video are shown inline, anything else (PDFs) only downloads.
 */
@RestController
class PublicMediaController {

    private final VariantMedia media;
    private final BlobResponder responder;

    PublicMediaController(VariantMedia media, BlobResponder responder) {
        this.media = media;
        this.responder = responder;
    }

    @GetMapping(VariantMedia.PUBLIC_PATH + "{id}/{fileName}")
    void serve(@PathVariable String id, @PathVariable String fileName, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = media.publicAsset(id).orElseThrow(() -> new NotFoundException("asset", id));
        responder.serve(request, response, BlobId.parse(asset.sha256()), asset.mediaType(), ContentDispositions.of(asset, true),
                BlobResponder.Caching.PUBLIC);
    }
}
