package vn.bhxh.cms.distribution;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The schedule dialog: targets, the publish time and an optional unpublish time as Vietnamese wall-clock times
 * (Asia/Ho_Chi_Minh, as the scheduling service takes them), an optional release and campaign.
 */
public record ScheduleForm(
        @NotEmpty @Size(max = 50) List<@Size(max = 100) String> targets,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime publishAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime unpublishAt,
        @Pattern(regexp = "^$|[a-z0-9][a-z0-9-]{0,99}") String releaseId,
        @Size(max = 60) String campaign) {
}
