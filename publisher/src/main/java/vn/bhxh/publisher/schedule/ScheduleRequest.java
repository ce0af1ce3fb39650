package vn.bhxh.publisher.schedule;

import vn.bhxh.publisher.job.ChannelPayload;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Publish one approved language variant to one or more targets. Times are wall-clock times in Vietnam
 * (Asia/Ho_Chi_Minh), as editors enter them; they are stored in UTC. One payload per target, rendered by the cms.
 * {@code releaseId} groups products published together (e.g. the May campaign's banners on 10 May).
 */
public record ScheduleRequest(String releaseId, String campaign, String productId, String language,
                              String variantRevision, LocalDateTime publishAt, LocalDateTime unpublishAt,
                              List<ChannelPayload> payloads) {

    public ScheduleRequest {
        payloads = List.copyOf(payloads);
    }
}
