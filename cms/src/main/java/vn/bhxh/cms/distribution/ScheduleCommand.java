package vn.bhxh.cms.distribution;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Schedule one approved language variant for some targets. {@code publishAt} and {@code unpublishAt} are wall-clock
 * times in Vietnam (Asia/Ho_Chi_Minh) without an offset, as an editor enters them ({@code 2026-05-10T07:00}).
 * {@code releaseId} groups products that go out together; {@code campaign} defaults to the product's campaign.
 */
public record ScheduleCommand(String productId, String language, List<String> targets, LocalDateTime publishAt,
        LocalDateTime unpublishAt, String releaseId, String campaign) {
}
