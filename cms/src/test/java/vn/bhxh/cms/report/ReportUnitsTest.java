package vn.bhxh.cms.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Periods and deadlines, the outlier rule, the input checks and the demo generator, without the application. */
class ReportUnitsTest {

    @Test
    void periodsHaveThePlansDeadlinesInVietnam() {
        assertThat(ReportPeriod.parse("2026-05").deadline()).hasToString("2026-05-27T17:00:00Z");
        assertThat(ReportPeriod.parse("2026-H1").deadline()).hasToString("2026-06-19T17:00:00Z");
        assertThat(ReportPeriod.parse("2026").deadline()).hasToString("2026-12-24T17:00:00Z");
        assertThat(ReportPeriod.parse("2026-H1").months()).hasSize(6);
        assertThat(ReportPeriod.parse("2026").months()).hasSize(12).last().hasToString("2026-12");
        assertThat(ReportPeriod.parse("2026-06").isFuture(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(ReportPeriod.parse("2026-05").isFuture(LocalDate.of(2026, 5, 1))).isFalse();
        for (String bad : List.of("2026-13", "2026-H2", "26-05", "2026-5", "")) {
            assertThatThrownBy(() -> ReportPeriod.parse(bad)).isInstanceOf(ReportValidationException.class);
        }
    }

    @Test
    void weeksAreIsoWeeks() {
        assertThat(BroadcastWeek.monday("2026-W01")).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(BroadcastWeek.code(LocalDate.of(2026, 5, 17))).isEqualTo("2026-W20");
        assertThatThrownBy(() -> BroadcastWeek.monday("2026-W54")).isInstanceOf(ReportValidationException.class);
        assertThat(BroadcastWeek.meets(5, 2)).isTrue();
        assertThat(BroadcastWeek.meets(9, 1)).isFalse();
        assertThat(BroadcastWeek.meets(4, 4)).isFalse();
    }

    @Test
    void outliersNeedHistoryAndLieOutsideThreeSpreads() {
        assertThat(OutlierRule.range(List.of(10L, 12L))).isNull();
        long[] range = OutlierRule.range(List.of(10L, 12L, 14L));
        assertThat(range[0]).isEqualTo(3);
        assertThat(range[1]).isEqualTo(21);
        assertThat(OutlierRule.range(List.of(0L, 0L, 0L))).containsExactly(0, 3);
    }

    @Test
    void numbersAreWholeAndNotNegativeAndTextIsRefusedNamingTheColumn() {
        assertThat(ReportInput.number("12")).isEqualTo(12);
        assertThat(ReportInput.number(12.0)).isEqualTo(12);
        assertThat(ReportInput.number(12.5)).isNull();
        assertThat(ReportInput.number("mười hai")).isNull();
        assertThat(ReportInput.number(true)).isNull();
        assertThatThrownBy(() -> ReportInput.check(PeriodType.MONTH, Map.of("f03c9", "abc"), null))
                .isInstanceOfSatisfying(ReportValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(i -> {
                        assertThat(i.field()).isEqualTo("values.f03c9");
                        assertThat(i.code()).isEqualTo("report.error.not-number");
                        assertThat(i.args()).contains("Mẫu 03", "9");
                    });
                });
        assertThat(ReportInput.check(PeriodType.YEAR, Map.of("f04c8", 3), null).values()).containsEntry("f04c8", 3L);
    }

    @Test
    void theDemoGeneratorIsDeterministicAndMarksItsReports() {
        LocalDate day = LocalDate.of(2026, 5, 10);
        List<Report> first = ReportDemoData.generate(day);
        List<Report> second = ReportDemoData.generate(day);
        assertThat(first).hasSize(ReportDemoData.PROVINCES.size() * 12 - 1);
        assertThat(first.stream().map(Report::values).toList()).isEqualTo(second.stream().map(Report::values).toList());
        assertThat(first).allSatisfy(r -> {
            assertThat(r.demo()).isTrue();
            assertThat(r.value("f03c16a")).isLessThanOrEqualTo(r.value("f03c16"));
            assertThat(r.values().values()).allSatisfy(v -> assertThat(v).isNotNegative());
        });
        assertThat(first.stream().filter(r -> !r.onTime()).count()).isPositive();
        assertThat(first.stream().map(Report::period)).doesNotContain("2026-05").contains("2025-05", "2026-04");
    }

    @Test
    void theFormColumnsCarryTheSeedsNumbers() {
        assertThat(ReportDataSets.numericOf(ReportForm.FORM_03)).extracting(ReportField::column)
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "16a", "17", "18", "19", "20");
        assertThat(ReportDataSets.numericOf(ReportForm.FORM_04)).extracting(ReportField::column)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(ReportDataSets.numeric(PeriodType.MONTH)).noneMatch(f -> f.form() == ReportForm.FORM_04);
        assertThat(ReportDataSets.fields(PeriodType.MONTH)).extracting(ReportField::key).contains("highlights", "difficulties", "proposals");
    }
}
