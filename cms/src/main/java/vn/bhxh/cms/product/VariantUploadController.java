package vn.bhxh.cms.product;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.product.ProductService.AttachedFile;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.Refusals;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.TusMetadata;
import vn.bhxh.media.upload.UploadException;
import vn.bhxh.media.upload.UploadId;
import vn.bhxh.media.upload.UploadState;

/**
 * The editor page's resumable upload (tus 1.0.0 core and creation, sent by static/js/tus.js): the browser sends the
 * file in chunks and, after a dropped connection, asks for the offset and goes on from there, so a lost connection
 * costs one chunk, not the whole file. It is the API's tus upload on the page's session and CSRF token (the API
 * itself is stateless and takes no session). Who started it, for which variant and with which role is kept with
 * the upload: only that user, on that variant's address, can go on. When the last byte arrives the file is attached
 * like the one-request upload ({@link ProductService#attachUpload}) and the answer is that upload's JSON; a refusal
 * is a readable sentence in {@code message}.
 */
@PageController
class VariantUploadController {

    private static final String TUS_RESUMABLE = "Tus-Resumable";
    private static final String VERSION = "1.0.0";
    private static final String OFFSET_STREAM = "application/offset+octet-stream";
    /** Same key as the API's uploads: an upload answers only the user who started it, whichever way it is reached. */
    private static final String OWNER = "bhxh-owner";
    private static final String VARIANT = "bhxh-variant";
    private static final String ROLE = "bhxh-role";

    private final ProductService products;
    private final ResumableUploads uploads;
    private final Refusals refusals;

    VariantUploadController(ProductService products, ResumableUploads uploads, Refusals refusals) {
        this.products = products;
        this.uploads = uploads;
        this.refusals = refusals;
    }

    @PostMapping("/products/{id}/variants/{language}/uploads")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @RequestParam MediaProfile productType, @RequestParam String role,
            @RequestHeader("Upload-Length") long length,
            @RequestHeader(value = "Upload-Metadata", required = false) String metadata, Locale locale) throws IOException {
        try {
            products.requireAttachable(user.actor(), id, language, role);
            Map<String, String> owned;
            try {
                owned = new LinkedHashMap<>(TusMetadata.parse(metadata));
            } catch (IllegalArgumentException e) {
                return refused(HttpStatus.BAD_REQUEST, refusals.sentence("invalid-upload-metadata", locale));
            }
            owned.put(OWNER, user.actor().username());
            owned.put(VARIANT, id + "/" + language);
            owned.put(ROLE, role);
            UploadState state = uploads.create(productType, length, owned);
            return ResponseEntity.status(HttpStatus.CREATED).header(TUS_RESUMABLE, VERSION)
                    .header(HttpHeaders.LOCATION, "/products/" + id + "/variants/" + language + "/uploads/" + state.id().value())
                    .build();
        } catch (MediaRefusal refusal) {
            return refused(HttpStatus.valueOf(refusal.code().httpStatus()), refusal.reason().text(locale));
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.BAD_REQUEST, refusals.sentence("invalid-upload-metadata", locale));
        } catch (ApiException | PreconditionFailedException | NotFoundException e) {
            return refused(status(e), refusals.text(e, locale));
        }
    }

    @RequestMapping(path = "/products/{id}/variants/{language}/uploads/{upload}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable String upload) throws IOException {
        UploadState state = state(user, id, language, upload);
        if (state == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).header(TUS_RESUMABLE, VERSION).build();
        }
        return ResponseEntity.ok().header(TUS_RESUMABLE, VERSION).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Upload-Offset", Long.toString(state.offset()))
                .header("Upload-Length", Long.toString(state.length())).build();
    }

    @PatchMapping("/products/{id}/variants/{language}/uploads/{upload}")
    ResponseEntity<Map<String, Object>> append(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language, @PathVariable String upload, @RequestHeader("Upload-Offset") long offset,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, HttpServletRequest request, Locale locale)
            throws IOException, InterruptedException {
        if (!OFFSET_STREAM.equals(contentType)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).header(TUS_RESUMABLE, VERSION).build();
        }
        UploadState before = state(user, id, language, upload);
        if (before == null) {
            return refused(HttpStatus.NOT_FOUND, refusals.message("ui.upload.expired", locale));
        }
        UploadState state;
        try {
            state = uploads.append(before.id(), offset, request.getInputStream());
        } catch (UploadException e) {
            // Offset mismatch or another request still writing: the script asks for the offset again and goes on.
            return ResponseEntity.status(e.kind().httpStatus()).header(TUS_RESUMABLE, VERSION)
                    .body(Map.of("message", refusals.message("ui.upload.failed", locale)));
        }
        if (!state.isComplete()) {
            return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION)
                    .header("Upload-Offset", Long.toString(state.offset())).build();
        }
        try {
            AttachedFile attached = products.attachUpload(user.actor(), id, language, state.metadata().get(ROLE), state.id());
            Asset asset = attached.asset();
            return ResponseEntity.status(HttpStatus.CREATED).header(TUS_RESUMABLE, VERSION)
                    .header("Upload-Offset", Long.toString(state.offset()))
                    .body(Map.of("assetId", asset.id(), "fileName", asset.fileName(), "role", attached.role(),
                            "warnings", asset.warnings() == null ? List.of() : asset.warnings()));
        } catch (MediaRefusal refusal) {
            return refused(HttpStatus.valueOf(refusal.code().httpStatus()), refusal.reason().text(locale));
        } catch (UploadException e) {
            return refused(HttpStatus.CONFLICT, refusals.message("ui.upload.failed", locale));
        } catch (ApiException | PreconditionFailedException | NotFoundException e) {
            return refused(status(e), refusals.text(e, locale));
        }
    }

    /** The upload if this user started it for this variant; otherwise null (answered 404, as an unknown one). */
    private UploadState state(AccountPrincipal user, String id, String language, String upload) throws IOException {
        try {
            UploadState state = uploads.state(new UploadId(upload));
            boolean mine = user.actor().username().equals(state.metadata().get(OWNER))
                    && (id + "/" + language).equals(state.metadata().get(VARIANT));
            return mine ? state : null;
        } catch (UploadException | IllegalArgumentException e) {
            return null;
        }
    }

    private static HttpStatus status(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        return e instanceof ApiException api && api.status() == HttpStatus.BAD_REQUEST ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).header(TUS_RESUMABLE, VERSION).body(Map.of("message", message));
    }
}
