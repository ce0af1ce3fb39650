package vn.bhxh.cms.distribution;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.site.WebFormats;

/** The dashboard's publishing lists, from the scheduling service, with each job's product title for people to read. */
@Component
public class JobRows {

    /** Days ahead "going out this week" covers, today included. */
    static final int WEEK = 7;

    private final ScheduleService schedules;
    private final ProductService products;

    JobRows(ScheduleService schedules, ProductService products) {
        this.schedules = schedules;
        this.products = products;
    }

    public record Row(JobView job, String title) {
    }

    /** Everything due from today for a week (Vietnamese days), in time order, whatever its state. */
    public List<Row> goingOutThisWeek(Actor actor) {
        LocalDate today = LocalDate.now(WebFormats.VIETNAM);
        CalendarView calendar = schedules.calendar(today, today.plusDays(WEEK - 1), null, null);
        return rows(actor, calendar.days().stream().flatMap(day -> day.jobs().stream()).toList());
    }

    public List<Row> failed(Actor actor) {
        return rows(actor, schedules.failed(actor));
    }

    private List<Row> rows(Actor actor, List<JobView> jobs) {
        Map<String, String> titles = new HashMap<>();
        return jobs.stream().map(job -> new Row(job, titles.computeIfAbsent(job.productId() + "/" + job.language(),
                key -> title(actor, job)))).toList();
    }

    private String title(Actor actor, JobView job) {
        try {
            return products.readVariant(actor, job.productId(), job.language()).content().title();
        } catch (NotFoundException e) {
            return job.productId();
        }
    }
}
