package vn.bhxh.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.FileNames;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaMessage;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;
import vn.bhxh.media.derive.DerivationFailure;
import vn.bhxh.media.derive.DerivativeCache;
import vn.bhxh.media.derive.ThumbnailSize;
import vn.bhxh.media.derive.Thumbnailer;
import vn.bhxh.media.inspect.ContentTypeDetector;
import vn.bhxh.media.inspect.ImageHeader;
import vn.bhxh.media.inspect.Inspection;
import vn.bhxh.media.inspect.InspectionStatus;
import vn.bhxh.media.inspect.Inspector;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.inspect.TypeGate;
import vn.bhxh.media.store.BlobId;
import vn.bhxh.media.store.BlobInfo;
import vn.bhxh.media.store.BlobStore;
import vn.bhxh.media.store.BlobTooLargeException;
import vn.bhxh.media.store.StagedBlob;

/**
 * Takes one uploaded file from stream to stored blob, in this order so that the cheap checks refuse
 * early and nothing refused is ever visible: announced size, streamed size, type from content,
 * product rules, pixel count from the header, inspection (Tika, ffmpeg), previews, and only then
 * the commit into the store.
 */
public final class Ingestor {

    private final BlobStore store;
    private final SizeLimits sizeLimits;
    private final ContentTypeDetector detector;
    private final TypeGate typeGate;
    private final Inspector inspector;
    private final DerivativeCache derivatives;

    public Ingestor(BlobStore store, SizeLimits sizeLimits, ContentTypeDetector detector, TypeGate typeGate,
                    Inspector inspector, DerivativeCache derivatives) {
        this.store = store;
        this.sizeLimits = sizeLimits;
        this.detector = detector;
        this.typeGate = typeGate;
        this.inspector = inspector;
        this.derivatives = derivatives;
    }

    public SizeLimits sizeLimits() {
        return sizeLimits;
    }

    public IngestedFile ingest(IngestRequest request, InputStream content) throws MediaRefusal, IOException, InterruptedException {
        String fileName = FileNames.check(request.fileName());
        if (request.announcedLength().isPresent()) {
            sizeLimits.checkAnnounced(request.product(), request.announcedLength().getAsLong());
        }
        try (StagedBlob staged = stage(request, content)) {
            Path file = staged.localFile();
            FileFormat format = typeGate.check(request.product(), detector.detect(file), request.declaredMediaType(), fileName);
            sizeLimits.check(format, staged.size());
            if (format.kind() == MediaKind.IMAGE) {
                header(file).requireAtMost(inspector.policy().maxImagePixels());
            }
            Inspection inspection = inspector.inspect(file, format, request.product());
            Map<ThumbnailSize, BlobId> thumbnails = Map.of();
            Optional<MediaMessage> previewFailure = Optional.empty();
            if (Thumbnailer.canPreview(format) && inspection.status() != InspectionStatus.FAILED) {
                try {
                    thumbnails = derivatives.thumbnails(staged.id(), file, format);
                } catch (DerivationFailure failure) {
                    previewFailure = Optional.of(failure.reason());
                }
            }
            BlobInfo blob = staged.commit();
            return new IngestedFile(blob, format, fileName, inspection, thumbnails, previewFailure);
        }
    }

    private StagedBlob stage(IngestRequest request, InputStream content) throws IOException, MediaRefusal {
        long max = sizeLimits.maxFor(request.product());
        try {
            return store.stage(content, max);
        } catch (BlobTooLargeException e) {
            throw new MediaRefusal(RefusalCode.TOO_LARGE, max + 1, max);
        }
    }

    private static ImageHeader header(Path file) throws MediaRefusal {
        try {
            return ImageHeader.read(file);
        } catch (IOException e) {
            // Tika saw an image signature but no reader understands the header: not a usable image.
            throw new MediaRefusal(RefusalCode.UNKNOWN_TYPE, "image (" + e.getMessage() + ")");
        }
    }
}
