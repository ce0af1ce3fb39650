package vn.bhxh.cms.asset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import vn.bhxh.media.MediaProfile;

/**
 * A file sent as the request body (by the API and the editor's page alike): its kind, which sets the allowed formats and
 * size limit, the name and type the uploader declares, and its length when the client said it.
 */
public record FileUpload(MediaProfile productType, String fileName, String contentType, OptionalLong length, InputStream content) {

    /** The kinds of file an uploader chooses from. */
    public static final List<MediaProfile> KINDS = List.of(MediaProfile.values());

    public static FileUpload of(MediaProfile productType, String fileName, String contentType, HttpServletRequest request)
            throws IOException {
        long length = request.getContentLengthLong();
        return new FileUpload(productType, fileName, contentType, length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(),
                request.getInputStream());
    }

    public static FileUpload of(Description file, String contentType, HttpServletRequest request) throws IOException {
        return of(file.productType(), file.fileName(), contentType, request);
    }

    /** The request parameters naming the file: {@code productType} (RADIO, VIDEO, INFOGRAPHIC, PRINT_MASTER) and {@code fileName}. */
    public record Description(@NotNull MediaProfile productType, @NotBlank String fileName) {
    }
}
