package vn.bhxh.cms.product;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.FileUpload;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.cms.product.ProductService.AttachedFile;
import vn.bhxh.media.MediaRefusal;

/**
 * The editor's upload (sent by static/js/app.js with XMLHttpRequest, so the page shows progress): the file is the
 * request body, stored and inspected by the asset service with its size and format limits, then attached to the
 * variant. Answers JSON for the script, with a readable sentence when refused.
 */
@PageController
class VariantAssetController {

    private final ProductService products;
    private final Refusals refusals;

    VariantAssetController(ProductService products, Refusals refusals) {
        this.products = products;
        this.refusals = refusals;
    }

    @PostMapping("/products/{id}/variants/{language}/assets")
    ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @Valid FileUpload.Description file, @RequestParam String role, @RequestHeader(value = "Content-Type", required = false) String contentType,
            HttpServletRequest request, Locale locale) throws IOException, InterruptedException {
        try {
            AttachedFile attached = products.attachFile(user.actor(), id, language, null, role,
                    FileUpload.of(file, contentType, request));
            Asset asset = attached.asset();
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("assetId", asset.id(), "fileName", asset.fileName(),
                    "role", role, "warnings", asset.warnings() == null ? List.of() : asset.warnings()));
        } catch (MediaRefusal refusal) {
            return refused(HttpStatus.valueOf(refusal.code().httpStatus()), refusal.reason().text(locale));
        } catch (ApiException e) {
            return refused(e.status() == HttpStatus.BAD_REQUEST ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, refusals.text(e, locale));
        } catch (PreconditionFailedException e) {
            return refused(HttpStatus.CONFLICT, refusals.text(e, locale));
        }
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
