package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.BlobInfo;

/**
 * Sends stored bytes so they cannot act in our origin: our own detected Content-Type, nosniff, and a
 * sandbox CSP (a file opened directly gets no scripts, forms or same-origin access). The ETag is the
 * SHA-256, so it is strong and never stale; Range serves audio and video seeking.
 */
@Component
class BlobResponder {

    private final MediaServices media;

    BlobResponder(MediaServices media) {
        this.media = media;
    }

    /**
     * Whether a file may be read changes with its product's workflow (a withdrawal takes it back at once), so every
     * cache, the browser's and a CDN's, asks again each time: the strong ETag makes that a cheap 304 after the access check.
     */
    enum Caching {
        SIGNED_IN("private, no-cache"),
        PUBLIC("public, no-cache");

        private final String header;

        Caching(String header) {
            this.header = header;
        }
    }

    void serve(HttpServletRequest request, HttpServletResponse response, BlobId id, String contentType, String disposition,
            Caching caching) throws IOException {
        BlobInfo blob = media.store().find(id).orElseThrow(() -> new NotFoundException("blob", id.sha256()));
        String etag = "\"" + id.sha256() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching.header);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType);
        Optional<ByteRange> range;
        try {
            String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
            range = ifRange == null || ifRange.equals(etag)
                    ? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), blob.size())
                    : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + blob.size());
            return;
        }
        long offset = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(blob.size());
        if (range.isPresent()) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + range.get().start() + "-" + range.get().endInclusive() + "/" + blob.size());
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = media.store().open(id, offset, length)) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag));
    }
}
