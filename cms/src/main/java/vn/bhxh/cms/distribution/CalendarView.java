package vn.bhxh.cms.distribution;

import java.time.LocalDate;
import java.util.List;

/** What goes out on each Vietnamese calendar day of a range, and the campaigns of the agency's calendar running then. */
public record CalendarView(LocalDate from, LocalDate to, String timeZone, List<Campaign> campaigns, List<Day> days) {

    public record Day(LocalDate date, List<JobView> jobs) {
    }

    public record Campaign(String code, String nameVi, String nameEn, LocalDate start, LocalDate end) {
    }
}
