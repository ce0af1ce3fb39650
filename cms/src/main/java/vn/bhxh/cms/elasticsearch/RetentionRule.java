package vn.bhxh.cms.elasticsearch;

import java.time.Duration;

/**
 * Documents of {@code alias} whose {@code timeField} is older than {@code keep} are deleted by the retention sweep;
 * each feature declares the rules of its own indices as beans.
 *
 * @param keep how long to keep a document; zero keeps it forever
 */
public record RetentionRule(String alias, String timeField, Duration keep) {
}
