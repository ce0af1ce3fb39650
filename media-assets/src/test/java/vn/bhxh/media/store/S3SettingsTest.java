package vn.bhxh.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void aPrefixAlwaysEndsWithASlashAndABucketIsRequired() {
        assertThat(settings("bhxh", "media").prefix()).isEqualTo("media/");
        assertThat(settings("bhxh", "media/").prefix()).isEqualTo("media/");
        assertThat(settings("bhxh", null).prefix()).isEmpty();
        assertThat(settings("bhxh", null).region()).isEqualTo("us-east-1");
        assertThatThrownBy(() -> settings(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsStayWithinS3sLimitsForEveryFileSizeLimit() {
        long mib = 1024 * 1024;
        assertThat(S3BlobStore.partBytesFor(4L * 1024 * mib)).isEqualTo(8 * mib);
        // 200 GiB would need 25,600 parts of 8 MiB: the parts grow so that 10,000 suffice.
        long large = 200L * 1024 * mib;
        assertThat(S3BlobStore.partBytesFor(large) * 10_000).isGreaterThanOrEqualTo(large);
        assertThat(S3BlobStore.partBytesFor(Long.MAX_VALUE)).isEqualTo(5L * 1024 * mib);
    }

    private static S3Settings settings(String bucket, String prefix) {
        return new S3Settings(null, null, bucket, null, null, true, prefix);
    }
}
