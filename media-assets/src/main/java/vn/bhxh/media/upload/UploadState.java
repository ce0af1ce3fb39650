package vn.bhxh.media.upload;

import java.time.Instant;
import java.util.Map;
import vn.bhxh.media.MediaProfile;

/**
 * Where a resumable upload stands: tus Upload-Offset and Upload-Length, its metadata (file name,
 * type) and when it will be thrown away if nothing more arrives (tus Upload-Expires).
 */
public record UploadState(UploadId id, MediaProfile product, long length, long offset, Map<String, String> metadata,
                          Instant expires) {

    public UploadState {
        metadata = Map.copyOf(metadata);
    }

    public boolean isComplete() {
        return offset == length;
    }
}
