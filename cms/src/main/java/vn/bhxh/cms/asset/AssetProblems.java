package vn.bhxh.cms.asset;

import java.net.URI;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.bhxh.cms.api.Problems;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.derive.DerivationFailure;
import vn.bhxh.media.upload.UploadException;

/**
 * Refused files and upload conflicts as RFC 9457 problems. The detail comes from media-assets' own
 * Vietnamese/English messages, so the reason is the library's exact sentence. For every API controller: files are
 * uploaded through assets and through a product's variant alike.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AssetProblems {

    @ExceptionHandler(MediaRefusal.class)
    ResponseEntity<ProblemDetail> refused(MediaRefusal refusal, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(refusal.code().httpStatus());
        ProblemDetail problem = problem(status, "file-refused", english(locale) ? "File refused" : "Tệp bị từ chối",
                refusal.reason().text(locale(locale)));
        problem.setProperty("reason", refusal.code().name());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(UploadException.class)
    ResponseEntity<ProblemDetail> upload(UploadException e, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(e.kind().httpStatus());
        ProblemDetail problem = problem(status, "upload-" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                english(locale) ? "Upload cannot continue" : "Không thể tiếp tục tải lên", e.getMessage());
        return ResponseEntity.status(status).header("Tus-Resumable", "1.0.0").body(problem);
    }

    @ExceptionHandler(DerivationFailure.class)
    ResponseEntity<ProblemDetail> derivation(DerivationFailure failure, Locale locale) {
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(problem(status, "no-preview",
                english(locale) ? "No preview" : "Không có ảnh xem trước", failure.reason().text(locale(locale))));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    private static Locale locale(Locale locale) {
        return english(locale) ? Locale.ENGLISH : MediaMessage.VIETNAMESE;
    }
}
