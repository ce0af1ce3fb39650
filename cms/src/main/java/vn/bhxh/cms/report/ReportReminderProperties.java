package vn.bhxh.cms.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail reminders to provinces that have not sent a report as its deadline nears. They go out only when an SMTP
 * server is configured ({@code spring.mail.host}, {@code spring.mail.port}, {@code spring.mail.username}…).
 *
 * @param enabled whether this installation sends reminders at all
 * @param daysBefore how many days before the deadline the reminder goes out (a monthly report is due before the 28th:
 *        with 3, provinces are reminded from the 25th on, once)
 * @param from the sender address
 * @param cmsUrl where provincial staff open the CMS: the link in the e-mail is {@code <cmsUrl>/reports/<province>/<period>}
 * @param checkEvery how often an instance looks for reminders to send (any number of instances may; each reminder is
 *        sent once)
 */
@Validated
@ConfigurationProperties("bhxh.reports.reminders")
public record ReportReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") @Min(1) @Max(27) int daysBefore,
        @DefaultValue("bao-cao@baohiemxahoi.gov.vn") @NotBlank String from,
        @DefaultValue("http://localhost:8080") @NotBlank String cmsUrl,
        @DefaultValue("1h") Duration checkEvery) {

    String reportLink(String province, String period) {
        return cmsUrl.replaceAll("/+$", "") + "/reports/" + province + "/" + period;
    }
}
