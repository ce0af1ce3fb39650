package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.MediaProfile;
import vn.bhxh.media.upload.ResumableUploads;
import vn.bhxh.media.upload.TusMetadata;
import vn.bhxh.media.upload.UploadException;
import vn.bhxh.media.upload.UploadId;
import vn.bhxh.media.upload.UploadState;

/**
 * Resumable uploads, tus 1.0.0 core with the creation, expiration and termination extensions. When
 * the last byte arrives the file is ingested in the same PATCH; the response names the new asset in
 * {@code Asset-Location}.
 */
@RestController
@RequestMapping("/api/v1/uploads")
class UploadController {

    private static final String TUS_RESUMABLE = "Tus-Resumable";
    /** The metadata key that holds who started an upload. */
    static final String OWNER = "bhxh-owner";
    private static final String VERSION = "1.0.0";
    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final ResumableUploads uploads;
    private final AssetService assets;

    UploadController(ResumableUploads uploads, AssetService assets) {
        this.uploads = uploads;
        this.assets = assets;
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,expiration,termination").build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Void> create(@AuthenticationPrincipal AccountPrincipal user, @RequestParam MediaProfile productType,
            @RequestHeader("Upload-Length") long length,
            @RequestHeader(value = "Upload-Metadata", required = false) String metadata) throws IOException, MediaRefusal {
        AssetService.requireUploader(user.actor());
        Map<String, String> parsed;
        try {
            parsed = TusMetadata.parse(metadata);
        } catch (IllegalArgumentException e) {
            // Named like every other bad input (problem+json), not an empty 400 a person cannot act on.
            throw new BadRequestException("invalid-upload-metadata");
        }
        // Who started the upload, kept with its state (any such key a client sent is replaced): only they may go on.
        Map<String, String> owned = new java.util.LinkedHashMap<>(parsed);
        owned.put(OWNER, user.actor().username());
        UploadState state = uploads.create(productType, length, owned);
        return ResponseEntity.status(HttpStatus.CREATED).header(TUS_RESUMABLE, VERSION)
                .header(HttpHeaders.LOCATION, "/api/v1/uploads/" + state.id())
                .header("Upload-Expires", expires(state)).build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) throws IOException {
        UploadState state = state(user, id);
        return ResponseEntity.ok().header(TUS_RESUMABLE, VERSION).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Upload-Offset", Long.toString(state.offset())).header("Upload-Length", Long.toString(state.length()))
                .header("Upload-Expires", expires(state)).build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PatchMapping("/{id}")
    ResponseEntity<Void> append(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @RequestHeader("Upload-Offset") long offset, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            HttpServletRequest request) throws IOException, UploadException, MediaRefusal, InterruptedException {
        if (!OFFSET_STREAM.equals(contentType)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).header(TUS_RESUMABLE, VERSION).build();
        }
        UploadId uploadId = state(user, id).id();
        UploadState state = uploads.append(uploadId, offset, request.getInputStream());
        ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION)
                .header("Upload-Offset", Long.toString(state.offset()));
        if (state.isComplete()) {
            Asset asset = assets.completeUpload(user.actor(), uploadId);
            response.header("Asset-Location", "/api/v1/assets/" + asset.id());
        } else {
            response.header("Upload-Expires", expires(state));
        }
        return response.build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id)
            throws IOException, UploadException {
        uploads.cancel(state(user, id).id());
        return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION).build();
    }

    /** The upload, if this user started it: someone else's answers 404, as an unknown one does. */
    private UploadState state(AccountPrincipal user, String id) throws IOException {
        UploadState state;
        try {
            state = uploads.state(uploadId(id));
        } catch (UploadException e) {
            throw new NotFoundException("phiên tải lên", id);
        }
        if (!user.actor().username().equals(state.metadata().get(OWNER))) {
            throw new NotFoundException("phiên tải lên", id);
        }
        return state;
    }

    private static UploadId uploadId(String id) {
        try {
            return new UploadId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("phiên tải lên", id);
        }
    }

    private static String expires(UploadState state) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(state.expires().atOffset(ZoneOffset.UTC));
    }
}
