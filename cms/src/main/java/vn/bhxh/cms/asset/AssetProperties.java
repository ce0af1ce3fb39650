package vn.bhxh.cms.asset;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import vn.bhxh.media.process.WorkerPool;

/**
 * Where files live and how much of them is accepted ({@code bhxh.media.*}).
 *
 * @param store         where files live: {@code filesystem} (the directory below, the default) or {@code s3}
 *                      (an S3-compatible bucket, see {@link MediaS3Properties})
 * @param directory     the blob store and uploads in progress, shared by every instance of the application (a
 *                      local disk or NFS) when {@code store} is {@code filesystem}
 * @param uploadExpiry  a resumable upload with no new bytes for this long is removed
 * @param maxAudio      largest radio file
 * @param maxVideo      largest video
 * @param maxImage      largest image
 * @param maxDocument   largest PDF
 * @param workers       warm worker JVMs for Tika and for PDF pages each (uploads inspected at once)
 * @param requestsPerWorker a worker JVM is replaced after this many files
 */
@ConfigurationProperties("bhxh.media")
public record AssetProperties(Store store, Path directory, Duration uploadExpiry, DataSize maxAudio, DataSize maxVideo,
                              DataSize maxImage, DataSize maxDocument, Integer workers, Integer requestsPerWorker) {

    /** The kinds of backend for the media files. */
    public enum Store {
        FILESYSTEM, S3
    }

    public AssetProperties {
        store = store == null ? Store.FILESYSTEM : store;
        directory = directory == null ? Path.of("data", "media") : directory;
        uploadExpiry = uploadExpiry == null ? Duration.ofHours(24) : uploadExpiry;
        maxAudio = maxAudio == null ? DataSize.ofMegabytes(200) : maxAudio;
        maxVideo = maxVideo == null ? DataSize.ofGigabytes(4) : maxVideo;
        maxImage = maxImage == null ? DataSize.ofMegabytes(50) : maxImage;
        maxDocument = maxDocument == null ? DataSize.ofMegabytes(300) : maxDocument;
        workers = workers == null ? WorkerPool.Settings.defaults().workers() : workers;
        requestsPerWorker = requestsPerWorker == null ? WorkerPool.Settings.defaults().requestsPerWorker() : requestsPerWorker;
    }

    WorkerPool.Settings workerPool() {
        return new WorkerPool.Settings(workers, requestsPerWorker, WorkerPool.Settings.defaults().startTimeout());
    }
}
