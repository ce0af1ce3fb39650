package vn.bhxh.cms.distribution;

import java.util.List;
import java.util.Map;
import vn.bhxh.publisher.job.JobState;

/** A release: one status per product, language and target, and how many lines are in each state. */
public record ReleaseView(String releaseId, Map<JobState, Long> counts, List<JobView> lines) {
}
