package vn.bhxh.cms.asset;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.bhxh.media.store.S3Settings;

/**
 * The S3-compatible bucket used when {@code bhxh.media.store=s3} ({@code bhxh.media.s3.*}).
 *
 * @param endpoint  the server, e.g. {@code http://minio:9000}; unset for AWS S3
 * @param region    the region; MinIO and Ceph accept any
 * @param bucket    an existing bucket
 * @param accessKey with {@code secretKey}: static credentials; unset for the AWS default chain (environment,
 *                  profile, instance role)
 * @param pathStyle {@code host/bucket/key} addressing, which MinIO and Ceph usually need
 * @param prefix    a key prefix, to share one bucket between installations
 */
@ConfigurationProperties("bhxh.media.s3")
public record MediaS3Properties(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                                Boolean pathStyle, String prefix) {

    public MediaS3Properties {
        region = region == null ? "us-east-1" : region;
        pathStyle = pathStyle == null ? Boolean.FALSE : pathStyle;
        prefix = prefix == null ? "" : prefix;
    }

    S3Settings settings() {
        return new S3Settings(endpoint, region, bucket, accessKey, secretKey, pathStyle, prefix);
    }
}
