package vn.bhxh.cms.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A reporting period: a month ({@code 2026-05}), the first half-year ({@code 2026-H1}) or a year ({@code 2026}).
 * The deadlines are the plan's: monthly reports before the 28th, the half-year report before 20 June, the yearly
 * report before 25 December — "before" the day, so the deadline is the start of that day in Vietnam.
 */
public record ReportPeriod(PeriodType type, int year, int month) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final Pattern CODE = Pattern.compile("^(\\d{4})(?:-(\\d{2})|-(H1))?$");

    public ReportPeriod {
        if (year < MIN_YEAR || year > MAX_YEAR || (type == PeriodType.MONTH && (month < 1 || month > 12))) {
            throw new IllegalArgumentException("period out of range");
        }
    }

    public static ReportPeriod month(int year, int month) {
        return new ReportPeriod(PeriodType.MONTH, year, month);
    }

    public static ReportPeriod halfYear(int year) {
        return new ReportPeriod(PeriodType.HALF_YEAR, year, 0);
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(PeriodType.YEAR, year, 0);
    }

    /** Parses a period code; a malformed one is refused with the field named. */
    public static ReportPeriod parse(String code) {
        Matcher m = code == null ? null : CODE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw ReportValidationException.of("period", "report.error.period-format", code);
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                return month(year, Integer.parseInt(m.group(2)));
            }
            return m.group(3) != null ? halfYear(year) : year(year);
        } catch (IllegalArgumentException e) {
            throw ReportValidationException.of("period", "report.error.period-format", code);
        }
    }

    public String code() {
        return switch (type) {
            case MONTH -> "%d-%02d".formatted(year, month);
            case HALF_YEAR -> year + "-H1";
            case YEAR -> Integer.toString(year);
        };
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, type == PeriodType.MONTH ? month : 1, 1);
    }

    public LocalDate lastDay() {
        return switch (type) {
            case MONTH -> firstDay().withDayOfMonth(firstDay().lengthOfMonth());
            case HALF_YEAR -> LocalDate.of(year, 6, 30);
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** The day before which the report must be sent. */
    public LocalDate dueDay() {
        return switch (type) {
            case MONTH -> LocalDate.of(year, month, 28);
            case HALF_YEAR -> LocalDate.of(year, 6, 20);
            case YEAR -> LocalDate.of(year, 12, 25);
        };
    }

    public Instant deadline() {
        return dueDay().atStartOfDay(VIETNAM).toInstant();
    }

    public Instant start() {
        return firstDay().atStartOfDay(VIETNAM).toInstant();
    }

    public Instant end() {
        return lastDay().plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /** The months whose monthly reports add up to this period (a month: none). */
    public List<ReportPeriod> months() {
        return switch (type) {
            case MONTH -> List.of();
            case HALF_YEAR -> IntStream.rangeClosed(1, 6).mapToObj(m -> month(year, m)).toList();
            case YEAR -> IntStream.rangeClosed(1, 12).mapToObj(m -> month(year, m)).toList();
        };
    }

    /** A period that has not begun yet cannot be reported on. */
    public boolean isFuture(LocalDate today) {
        return firstDay().isAfter(today);
    }

    @Override
    public String toString() {
        return code();
    }
}
