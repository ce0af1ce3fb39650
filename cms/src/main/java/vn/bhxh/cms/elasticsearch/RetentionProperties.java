package vn.bhxh.cms.elasticsearch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the indices that only grow keep their documents; {@code 0} keeps them forever. A sweep deletes what is
 * older, page by page (the managed node has no delete-by-query).
 *
 * @param downloads downloads of files ({@code asset-downloads}): the provinces' reports count them per month, and
 *                  the yearly report compares a year with the one before, so three years by default
 * @param pageVisits visits of the public pages ({@code page-visits}): likewise three years
 * @param notices notices for people ({@code notices}): what they report is acted on within days; one year
 * @param audit the audit trail ({@code audit}): kept forever by default; when set, the oldest entries are removed from
 *              the start of the chain only, behind a recorded anchor, so the chain that remains still verifies
 * @param interval how often the sweep runs
 */
@ConfigurationProperties("bhxh.retention")
public record RetentionProperties(
        @DefaultValue("1096d") Duration downloads,
        @DefaultValue("1096d") Duration pageVisits,
        @DefaultValue("366d") Duration notices,
        @DefaultValue("0") Duration audit,
        @DefaultValue("6h") Duration interval) {

    public RetentionProperties {
        for (Duration keep : new Duration[] {downloads, pageVisits, notices, audit}) {
            if (keep.isNegative()) {
                throw new IllegalArgumentException("bhxh.retention.* must be 0 (keep forever) or a positive duration such as 1096d");
            }
        }
    }
}
