package vn.bhxh.cms.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ISO week ({@code 2026-W20}, Monday to Sunday) of a province's loudspeaker broadcasts, commune by commune, against
 * the plan's target: at least {@link #TARGET_ALL} broadcasts a week per commune, {@link #TARGET_VOLUNTARY} of them on
 * voluntary social insurance.
 */
public record BroadcastWeek(String week, LocalDate monday, LocalDate sunday, String province, List<CommuneWeek> communes,
        List<CommuneWeek> belowTarget) {

    public static final int TARGET_ALL = 5;
    public static final int TARGET_VOLUNTARY = 2;
    private static final Pattern CODE = Pattern.compile("^(\\d{4})-W(\\d{2})$");

    public record CommuneWeek(String code, String name, long broadcasts, long voluntary, boolean meetsTarget) {
    }

    public static LocalDate monday(String week) {
        Matcher m = week == null ? null : CODE.matcher(week.strip());
        if (m == null || !m.matches()) {
            throw ReportValidationException.of("week", "report.error.week-format", week);
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        LocalDate anyDay = LocalDate.of(year, 6, 1);
        if (year < ReportPeriod.MIN_YEAR || year > ReportPeriod.MAX_YEAR || number < 1
                || number > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw ReportValidationException.of("week", "report.error.week-format", week);
        }
        return anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static String code(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static boolean meets(long all, long voluntary) {
        return all >= TARGET_ALL && voluntary >= TARGET_VOLUNTARY;
    }
}
