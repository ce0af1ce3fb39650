package vn.bhxh.media.store;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where the files live on S3-compatible storage (AWS S3, MinIO, Ceph RGW).
 *
 * @param endpoint  the server, e.g. {@code http://minio:9000}; none for AWS S3 itself
 * @param region    the region (MinIO and Ceph accept any, e.g. {@code us-east-1})
 * @param bucket    an existing bucket
 * @param accessKey with {@code secretKey}: static credentials; when blank, the AWS default chain
 *                  (environment, profile, instance role) is used
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: MinIO and
 *                  Ceph usually need it
 * @param prefix    a key prefix, so one bucket can hold several installations ({@code ""} for none)
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                         boolean pathStyle, String prefix) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 bucket is required");
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
        prefix = prefix == null ? "" : prefix.strip();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
    }

    public S3Client newClient() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                // Checksums only where S3 requires them: MinIO, Ceph and older servers do not all know the newer
                // trailing-checksum uploads. Content integrity is ours anyway: every blob is named by its SHA-256.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(accessKey == null || accessKey.isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
