package vn.bhxh.cms.distribution;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scheduled content goes out.
 *
 * @param schedulerEnabled whether this instance delivers jobs; every instance may (jobs are claimed with leases),
 *        switch it off on instances that should only serve editors
 * @param credentialsKey AES-256-GCM key for connector credentials, 32 bytes Base64 ({@code openssl rand -base64 32});
 *        in production set {@code BHXH_PUBLISHING_CREDENTIALS_KEY} and keep it out of the data directory
 * @param credentialsKeyFile used when no key is configured: created with a new random key on first start (owner-only
 *        permissions), so a development machine works without setup
 * @param publicBaseUrl where remote services and the app backend reach this CMS: media links in posts and feed URLs
 * @param pollInterval how often an idle scheduler looks for due jobs; a job waits at most this long after its time
 * @param lease how long a claimed job belongs to an instance without a renewal; renewed every third of it while the job
 *        is held (uploads included), so it only sets how soon a crashed instance's jobs are taken over (about one lease)
 * @param parallelism deliveries one instance runs at once
 * @param maxAttempts attempts per job before it fails and needs a person
 * @param retryBase the first retry's delay after a transient failure; it doubles with each attempt (half of it random)
 * @param retryMax the longest delay between two attempts
 * @param missedAfter a job not delivered this long after its time is a missed schedule: health, metric, admins told
 * @param checkInterval how often missed schedules are looked for and posts past their unpublish time are removed
 * @param feedRefresh how often the app feed reloads published items (answers come from memory)
 * @param feedMaxAge how long a CDN or the app backend may reuse a feed answer without asking again
 * @param connectorTimeout timeout of one call to a remote service (uploads allow ten times as much)
 */
@ConfigurationProperties("bhxh.publishing")
public record PublishingProperties(
        @DefaultValue("true") boolean schedulerEnabled,
        String credentialsKey,
        @DefaultValue("./data/publishing/credentials.key") Path credentialsKeyFile,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("8") int parallelism,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("15m") Duration missedAfter,
        @DefaultValue("60s") Duration checkInterval,
        @DefaultValue("5s") Duration feedRefresh,
        @DefaultValue("60s") Duration feedMaxAge,
        @DefaultValue("30s") Duration connectorTimeout) {

    public String publicUrl(String path) {
        return publicBaseUrl.replaceAll("/+$", "") + path;
    }
}
