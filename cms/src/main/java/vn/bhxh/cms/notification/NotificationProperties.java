package vn.bhxh.cms.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail notifications of workflow steps, translation requests and publishing problems. They go out only when an SMTP
 * server is configured ({@code spring.mail.host}…); until then they wait in the outbox.
 *
 * @param enabled whether anything is written to the outbox at all
 * @param from the sender address
 * @param cmsUrl where people open the CMS: links in the e-mails start with it
 * @param sendEvery how often an instance looks for e-mails to send (an action also wakes the sender at once)
 * @param retryBase the wait after the first failed attempt; it doubles with every further one
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts attempts before an e-mail is given up (it stays in the outbox, marked failed)
 * @param digestAt the time of day (Vietnam) the daily digests go out
 */
@Validated
@ConfigurationProperties("bhxh.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("thong-bao@baohiemxahoi.gov.vn") @NotBlank String from,
        @DefaultValue("http://localhost:8080") @NotBlank String cmsUrl,
        @DefaultValue("15s") Duration sendEvery,
        @DefaultValue("1m") Duration retryBase,
        @DefaultValue("2h") Duration retryMax,
        @DefaultValue("10") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("07:00") LocalTime digestAt) {

    String link(String path) {
        return cmsUrl.replaceAll("/+$", "") + path;
    }

    /** The wait after the given number of failed attempts: retryBase, doubled each time, at most retryMax. */
    Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
