package vn.bhxh.cms.publicpage;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.security.AccountPrincipal;

/** A product's public page visits per day, language, source and province, for reports; read by whoever may read the product. */
@RestController
class VisitController {

    /** A report covers at most a year (a leap year included). */
    static final int MAX_DAYS = 366;

    private final PublicPages pages;

    VisitController(PublicPages pages) {
        this.pages = pages;
    }

    record Visits(LocalDate from, LocalDate to, long total, List<VisitCount> rows) {
    }

    @GetMapping("/api/v1/products/{id}/visits")
    Visits visits(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw new BadRequestException("calendar-range", MAX_DAYS);
        }
        List<VisitCount> rows = pages.visits(user.actor(), id, from, to);
        return new Visits(from, to, rows.stream().mapToLong(VisitCount::visits).sum(), rows);
    }
}
