package vn.bhxh.media;

import vn.bhxh.media.process.WorkerLaunch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import vn.bhxh.media.derive.DerivativeCache;
import vn.bhxh.media.derive.ForkedPdfFirstPage;
import vn.bhxh.media.derive.Thumbnailer;
import vn.bhxh.media.inspect.ContentTypeDetector;
import vn.bhxh.media.inspect.Ffmpeg;
import vn.bhxh.media.inspect.ForkedTikaParser;
import vn.bhxh.media.inspect.Inspector;
import vn.bhxh.media.inspect.MediaPolicy;
import vn.bhxh.media.inspect.ParseLimits;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.inspect.TypeGate;
import vn.bhxh.media.store.BlobStore;
import vn.bhxh.media.store.DirectoryObjectStore;
import vn.bhxh.media.store.FileSystemBlobStore;
import vn.bhxh.media.store.MediaStorage;
import vn.bhxh.media.store.ObjectStore;
import vn.bhxh.media.upload.Ingestor;

/** The module's parts wired together, for an application (cms) and for tests that want the whole path. */
public record MediaServices(BlobStore store, SizeLimits sizeLimits, Inspector inspector, DerivativeCache derivatives,
                            Ingestor ingestor) {

    /** Everything on one local directory: blobs, derivative index, temporary files. */
    public static MediaServices create(Path root, SizeLimits sizeLimits) throws IOException {
        return create(new FileSystemBlobStore(root), new DirectoryObjectStore(root.resolve("derived")), sizeLimits);
    }

    /** Blobs and derivative index on the configured backend (a directory or an S3 bucket). */
    public static MediaServices create(MediaStorage storage, SizeLimits sizeLimits) {
        return create(storage.blobs(), storage.derivatives(), sizeLimits);
    }

    private static MediaServices create(BlobStore store, ObjectStore derivativeIndex, SizeLimits sizeLimits) {
        return create(store, derivativeIndex, sizeLimits, MediaPolicy.defaults(), ParseLimits.defaults(), Ffmpeg.onPath(),
                WorkerLaunch.ofCurrentJvm());
    }

    public static MediaServices create(BlobStore store, ObjectStore derivativeIndex, SizeLimits sizeLimits, MediaPolicy policy,
                                       ParseLimits parseLimits, Ffmpeg ffmpeg, WorkerLaunch workerLaunch) {
        Inspector inspector = new Inspector(new ForkedTikaParser(parseLimits, workerLaunch), ffmpeg, policy);
        DerivativeCache derivatives = new DerivativeCache(store,
                new Thumbnailer(policy.maxImagePixels(), new ForkedPdfFirstPage(workerLaunch, Duration.ofSeconds(30), 384)),
                derivativeIndex);
        Ingestor ingestor = new Ingestor(store, sizeLimits, new ContentTypeDetector(), new TypeGate(), inspector, derivatives);
        return new MediaServices(store, sizeLimits, inspector, derivatives, ingestor);
    }
}
