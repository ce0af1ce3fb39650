package vn.bhxh.media;

import vn.bhxh.media.process.WorkerLaunch;
import vn.bhxh.media.process.WorkerPool;
import java.io.IOException;
import java.nio.file.Path;
import vn.bhxh.media.derive.DerivativeCache;
import vn.bhxh.media.derive.Thumbnailer;
import vn.bhxh.media.inspect.ContentTypeDetector;
import vn.bhxh.media.inspect.Ffmpeg;
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

/**
 * The module's parts wired together, for an application (cms) and for tests that want the whole path.
 * Closing it ends the worker JVMs.
 */
public record MediaServices(BlobStore store, SizeLimits sizeLimits, Inspector inspector, DerivativeCache derivatives,
                            Ingestor ingestor, MediaWorkers workers) implements AutoCloseable {

    /** Everything on one local directory: blobs, derivative index, temporary files. */
    public static MediaServices create(Path root, SizeLimits sizeLimits) throws IOException {
        return create(root, sizeLimits, WorkerPool.Settings.defaults());
    }

    public static MediaServices create(Path root, SizeLimits sizeLimits, WorkerPool.Settings workerPool) throws IOException {
        return create(new FileSystemBlobStore(root), new DirectoryObjectStore(root.resolve("derived")), sizeLimits,
                MediaPolicy.defaults(), ParseLimits.defaults(), Ffmpeg.onPath(), WorkerLaunch.ofCurrentJvm(), workerPool);
    }

    /** Blobs and derivative index on the configured backend, with the default worker pool. */
    public static MediaServices create(MediaStorage storage, SizeLimits sizeLimits) {
        return create(storage, sizeLimits, WorkerPool.Settings.defaults());
    }

    /** Blobs and derivative index on the configured backend (a directory or an S3 bucket). */
    public static MediaServices create(MediaStorage storage, SizeLimits sizeLimits, WorkerPool.Settings workerPool) {
        return create(storage.blobs(), storage.derivatives(), sizeLimits, MediaPolicy.defaults(), ParseLimits.defaults(),
                Ffmpeg.onPath(), WorkerLaunch.ofCurrentJvm(), workerPool);
    }

    public static MediaServices create(BlobStore store, ObjectStore derivativeIndex, SizeLimits sizeLimits, MediaPolicy policy,
                                       ParseLimits parseLimits, Ffmpeg ffmpeg, WorkerLaunch workerLaunch,
                                       WorkerPool.Settings workerPool) {
        MediaWorkers workers = MediaWorkers.create(parseLimits, workerLaunch, workerPool);
        Inspector inspector = new Inspector(workers.tika(), ffmpeg, policy);
        DerivativeCache derivatives = new DerivativeCache(store,
                new Thumbnailer(policy.maxImagePixels(), workers.pdfPages()), derivativeIndex);
        Ingestor ingestor = new Ingestor(store, sizeLimits, new ContentTypeDetector(), new TypeGate(), inspector, derivatives);
        return new MediaServices(store, sizeLimits, inspector, derivatives, ingestor, workers);
    }

    @Override
    public void close() {
        workers.close();
    }
}
