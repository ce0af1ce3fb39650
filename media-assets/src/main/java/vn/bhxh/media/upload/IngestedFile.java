package vn.bhxh.media.upload;

import java.util.Map;
import java.util.Optional;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.inspect.Inspection;
import vn.bhxh.media.store.BlobInfo;
import vn.bhxh.media.store.BlobId;

/** A stored file and everything learned about it: what cms keeps in the asset record. */
public record IngestedFile(BlobInfo blob, FileFormat format, String originalFileName, Inspection inspection,
                           Map<ThumbnailSize, BlobId> thumbnails, Optional<MediaMessage> previewFailure) {

    public IngestedFile {
        thumbnails = Map.copyOf(thumbnails);
    }
}
