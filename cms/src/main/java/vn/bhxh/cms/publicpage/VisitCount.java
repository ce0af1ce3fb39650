package vn.bhxh.cms.publicpage;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * How many visits a product's short address had on one day, in one language, from one source and province.
 *
 * @param province the province the link was made for, or null when the link named none
 */
public record VisitCount(LocalDate day, String language, String source, String sourceName, String province, long visits) {

    static final Comparator<VisitCount> ORDER = Comparator.comparing(VisitCount::day).thenComparing(VisitCount::language)
            .thenComparing(VisitCount::source).thenComparing(c -> c.province() == null ? "" : c.province());

    static VisitCount of(String counter, long visits) {
        String[] parts = counter.split(Pattern.quote(PageVisit.SEPARATOR), -1);
        VisitSource source = VisitSource.ofCode(parts[2]);
        return new VisitCount(LocalDate.parse(parts[0]), parts[1], source.code(), source.vietnameseName(),
                parts[3].isEmpty() ? null : parts[3], visits);
    }
}
