package vn.bhxh.cms.web.product;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.AssetFiles;
import vn.bhxh.cms.product.AssetRef;
import vn.bhxh.cms.product.ContentLimits;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.web.Refusals;
import vn.bhxh.media.MediaRefusal;

/**
 * The editor's upload (sent by static/js/app.js with XMLHttpRequest, so the page shows progress): the file is the
 * request body, stored and inspected by the asset service with its size and format limits, then attached to the
 * variant. Answers JSON for the script, with a readable sentence when refused.
 */
@RestController
class VariantAssetController {

    private final AssetFiles assets;
    private final ProductService products;
    private final Refusals refusals;

    VariantAssetController(AssetFiles assets, ProductService products, Refusals refusals) {
        this.assets = assets;
        this.products = products;
        this.refusals = refusals;
    }

    @PostMapping("/products/{id}/variants/{language}/assets")
    ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam String fileName, @RequestParam vn.bhxh.media.MediaProfile productType,
            @RequestParam String role, @RequestHeader(value = "Content-Type", required = false) String contentType,
            HttpServletRequest request, Locale locale) throws IOException, InterruptedException {
        Actor actor = user.actor();
        try {
            Variant variant = products.readVariant(actor, id, language);
            if (variant.content().assets().size() >= ContentLimits.ASSETS) {
                return refused(HttpStatus.CONFLICT, refusals.message("ui.upload.tooMany", locale, ContentLimits.ASSETS));
            }
            if (role.isBlank() || role.length() > 40) {
                return refused(HttpStatus.BAD_REQUEST, refusals.message("ui.upload.failed", locale));
            }
            long length = request.getContentLengthLong();
            Asset asset = assets.upload(actor, productType, contentType, fileName,
                    length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), request.getInputStream());
            // Attach to the variant as it is now: only the file list grows, whatever else changed meanwhile.
            Variant current = products.readVariant(actor, id, language);
            List<AssetRef> files = new ArrayList<>(current.content().assets());
            files.add(new AssetRef(asset.id(), role));
            products.editContent(actor, id, language, current.seqNoPrimaryTerm(),
                    new vn.bhxh.cms.product.VariantContent(current.content().title(), current.content().summary(),
                            current.content().body(), files), "+ " + asset.fileName());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("assetId", asset.id(), "fileName", asset.fileName(),
                    "role", role, "warnings", asset.warnings() == null ? List.of() : asset.warnings()));
        } catch (MediaRefusal refusal) {
            return refused(HttpStatus.valueOf(refusal.code().httpStatus()), refusal.reason().text(locale));
        } catch (ApiException | PreconditionFailedException e) {
            return refused(HttpStatus.CONFLICT, refusals.text(e, locale));
        }
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
