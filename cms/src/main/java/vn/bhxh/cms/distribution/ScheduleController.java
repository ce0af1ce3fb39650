package vn.bhxh.cms.distribution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.security.AccountPrincipal;

/** Scheduling, the calendar, releases and a product's publications. */
@RestController
class ScheduleController {

    private final ScheduleService schedules;
    private final NoticeBoard notices;

    ScheduleController(ScheduleService schedules, NoticeBoard notices) {
        this.schedules = schedules;
        this.notices = notices;
    }

    @PostMapping("/api/v1/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    List<JobView> schedule(@AuthenticationPrincipal AccountPrincipal user, @RequestBody ScheduleCommand command) {
        return schedules.schedule(user.actor(), command);
    }

    /** Failed deliveries (the only state worth a list of its own; the calendar and releases show the rest). */
    @GetMapping("/api/v1/schedules/failed")
    List<JobView> failed(@AuthenticationPrincipal AccountPrincipal user) {
        return schedules.failed(user.actor());
    }

    @GetMapping("/api/v1/schedules/{jobId}")
    JobView job(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId) {
        return schedules.job(user.actor(), jobId);
    }

    @PostMapping("/api/v1/schedules/{jobId}/retry")
    JobView retry(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId) {
        return schedules.retry(user.actor(), jobId);
    }

    @PostMapping("/api/v1/schedules/{jobId}/cancel")
    JobView cancel(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId,
            @RequestBody(required = false) Map<String, String> body) {
        return schedules.cancel(user.actor(), jobId, body == null ? null : body.get("reason"));
    }

    /** {@code from}/{@code to} are Vietnamese calendar days, inclusive; at most 92 days. */
    @GetMapping("/api/v1/calendar")
    CalendarView calendar(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String channel) {
        return schedules.calendar(from, to, campaign, channel);
    }

    @GetMapping("/api/v1/releases/{releaseId}")
    ReleaseView release(@PathVariable String releaseId) {
        return schedules.release(releaseId);
    }

    @GetMapping("/api/v1/products/{id}/publications")
    List<JobView> publications(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return schedules.publications(user.actor(), id);
    }

    @GetMapping("/api/v1/notices")
    List<Notice> notices(@AuthenticationPrincipal AccountPrincipal user) {
        return notices.forActor(user.actor());
    }
}
