package vn.bhxh.cms.asset;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import vn.bhxh.cms.elasticsearch.IndexedDocument;
import vn.bhxh.cms.elasticsearch.RetentionProperties;
import vn.bhxh.cms.elasticsearch.RetentionRule;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaServices;
import vn.bhxh.media.bundle.ZipBundleWriter;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.store.MediaStorage;
import vn.bhxh.media.upload.ResumableUploads;

@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssetConfiguration.class);

    @Bean
    SizeLimits sizeLimits(AssetProperties properties) {
        return new SizeLimits(Map.of(
                MediaKind.AUDIO, properties.maxAudio().toBytes(),
                MediaKind.VIDEO, properties.maxVideo().toBytes(),
                MediaKind.IMAGE, properties.maxImage().toBytes(),
                MediaKind.DOCUMENT, properties.maxDocument().toBytes()));
    }

    /** Blobs, derivative index and uploads in progress, all on the configured backend and shared by every instance. */
    @Bean
    MediaStorage mediaStorage(AssetProperties properties, MediaS3Properties s3) throws IOException {
        return switch (properties.store()) {
            case FILESYSTEM -> MediaStorage.inDirectory(properties.directory());
            case S3 -> MediaStorage.onS3(s3.settings());
        };
    }

    @Bean
    MediaServices mediaServices(MediaStorage storage, SizeLimits sizeLimits, AssetProperties properties) {
        return MediaServices.create(storage, sizeLimits, properties.workerPool());
    }

    @Bean
    ResumableUploads resumableUploads(MediaStorage storage, AssetProperties properties, SizeLimits sizeLimits, Clock clock) {
        return new ResumableUploads(storage.uploads(), properties.uploadExpiry(), clock, sizeLimits);
    }

    @Bean
    ZipBundleWriter zipBundleWriter(MediaServices media) {
        return new ZipBundleWriter(media.store());
    }

    @Bean
    IndexedDocument assetIndex() {
        return new IndexedDocument(Asset.class);
    }

    /** Downloads are counted for the provinces' reports; older than the retention they are deleted. */
    @Bean
    RetentionRule downloadRetention(RetentionProperties retention) {
        return new RetentionRule("asset-downloads", "at", retention.downloads());
    }

    @Bean
    IndexedDocument downloadIndex() {
        return new IndexedDocument(Download.class);
    }

    @Bean
    UploadSweeper uploadSweeper(ResumableUploads uploads) {
        return new UploadSweeper(uploads);
    }

    /** Removes abandoned resumable uploads; every instance may run it, removal is idempotent. */
    static final class UploadSweeper {

        private final ResumableUploads uploads;

        UploadSweeper(ResumableUploads uploads) {
            this.uploads = uploads;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
        void sweep() {
            try {
                int removed = uploads.removeExpired();
                if (removed > 0) {
                    log.info("Removed {} abandoned uploads", removed);
                }
            } catch (IOException e) {
                log.warn("Could not sweep abandoned uploads: {}", e.getMessage());
            }
        }
    }
}
