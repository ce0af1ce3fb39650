package vn.bhxh.cms.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.templates.print.FontCatalog;

/**
 * Each report and the national summary of a period as a printable A4 PDF laid out like the forms: the unit, the title,
 * the period and its state, then form 03 (and 04) as tables of column number, label and figure, then the narrative.
 */
@Service
public class ReportPdf {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ReportPeriod.VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float[] FORM_WIDTHS = {0.1f, 0.7f, 0.2f};
    private static final boolean[] FORM_NUMERIC = {false, false, true};

    private final ReportService reports;
    private final ReportAnalysisService analysis;
    private final OrgUnitService units;
    private final ReportMessages messages;
    private final Clock clock;

    ReportPdf(ReportService reports, ReportAnalysisService analysis, OrgUnitService units, ReportMessages messages, Clock clock) {
        this.reports = reports;
        this.analysis = analysis;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] report(Actor actor, String province, String period) {
        Report report = reports.readReport(actor, province, period);
        String name = units.province(province).name();
        ReportPeriod p = report.reportPeriod();
        try (PdfSheet sheet = new PdfSheet(FontCatalog.debianNoto(), "Báo cáo " + name + " kỳ " + p.code())) {
            heading(sheet, "BẢO HIỂM XÃ HỘI " + name.toUpperCase(VI), messages.text("ui.report.printTitle", VI), p);
            sheet.centred(messages.text("ui.report.state." + report.state().name(), VI)
                    + (report.firstSubmittedAt() == null ? "" : " — gửi lần đầu lúc " + TIME.format(report.firstSubmittedAt())
                    + (report.onTime() ? " (đúng hạn)" : " (trễ hạn)")), PdfSheet.TEXT, false);
            forms(sheet, p.type(), "", report.values());
            sheet.space(8);
            sheet.line(messages.text("ui.report.form.NARRATIVE", VI), PdfSheet.HEADING, true);
            for (ReportField field : ReportDataSets.fields(p.type()).stream().filter(f -> !f.numeric()).toList()) {
                sheet.line(field.labelVi(), PdfSheet.TEXT, true);
                sheet.line(report.texts().getOrDefault(field.key(), "…"), PdfSheet.TEXT, false);
            }
            sheet.space(16);
            sheet.line("THỦ TRƯỞNG ĐƠN VỊ (ký tên, đóng dấu)", PdfSheet.TEXT, true);
            sheet.space(30);
            sheet.line("In lúc " + TIME.format(clock.instant()) + (report.demo() ? " — dữ liệu mẫu" : ""), 8, false);
            return sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The centre's summary: who sent, on time or late, who is missing, and the national totals per column. */
    public byte[] summary(Actor actor, String period) {
        ReportOverview overview = analysis.overview(actor, period);
        ReportPeriod p = ReportPeriod.parse(period);
        try (PdfSheet sheet = new PdfSheet(FontCatalog.debianNoto(), "Tổng hợp toàn quốc kỳ " + p.code())) {
            heading(sheet, OrgUnitService.CENTRE.name().toUpperCase(VI), "TỔNG HỢP BÁO CÁO CÔNG TÁC THÔNG TIN, TRUYỀN THÔNG", p);
            sheet.space(6);
            sheet.line(messages.text("ui.report.reportingRate", VI, overview.submitted(), overview.provinces(),
                    Math.round(overview.reportingRate() * 100)) + "; " + messages.text("ui.report.onTimeRate", VI, overview.onTime(),
                    Math.round(overview.onTimeRate() * 100)) + "; " + messages.text("ui.report.lateCount", VI, overview.late())
                    + "; " + messages.text("ui.report.missingCount", VI, overview.missing()), PdfSheet.TEXT, false);
            sheet.space(6);
            sheet.line(messages.text("ui.report.completeness", VI), PdfSheet.HEADING, true);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"STT", messages.text("ui.report.province", VI), messages.text("ui.report.status", VI),
                    messages.text("ui.report.submittedAt", VI)});
            int n = 0;
            for (ReportOverview.Row row : overview.rows()) {
                rows.add(new String[] {Integer.toString(++n), row.name(), messages.text("ui.report.status." + row.status(), VI),
                        row.submittedAt() == null || "MISSING".equals(row.status()) ? "" : TIME.format(row.submittedAt())});
            }
            sheet.table(new float[] {0.08f, 0.42f, 0.22f, 0.28f}, new boolean[] {true, false, false, false}, rows, true);
            forms(sheet, p.type(), messages.text("ui.report.totals", VI) + " — ", overview.totals());
            sheet.space(16);
            sheet.line("In lúc " + TIME.format(clock.instant()), 8, false);
            return sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agency and the unit top left, the title and the period with its deadline centred, as on the plan's forms. */
    private void heading(PdfSheet sheet, String unit, String title, ReportPeriod period) {
        sheet.line("BẢO HIỂM XÃ HỘI VIỆT NAM", PdfSheet.TEXT, true);
        sheet.line(unit, PdfSheet.TEXT, true);
        sheet.space(10);
        sheet.centred(title, PdfSheet.TITLE, true);
        sheet.centred("Kỳ báo cáo: " + messages.periodName(period, VI) + " — hạn gửi trước ngày " + DAY.format(period.dueDay()),
                PdfSheet.TEXT, false);
    }

    /** Form 03 (and form 04 for a half-year or year) as tables: column number, label, figure. */
    private void forms(PdfSheet sheet, PeriodType type, String headingPrefix, Map<String, Long> values) {
        for (ReportForm form : List.of(ReportForm.FORM_03, ReportForm.FORM_04)) {
            List<ReportField> fields = ReportDataSets.numericOf(form).stream().filter(f -> f.in(type)).toList();
            if (!fields.isEmpty()) {
                sheet.space(8);
                sheet.line(headingPrefix + messages.text("ui.report.form." + form.name(), VI), PdfSheet.HEADING, true);
                sheet.table(FORM_WIDTHS, FORM_NUMERIC, formRows(fields, values), true);
            }
        }
    }

    private static List<String[]> formRows(List<ReportField> fields, Map<String, Long> values) {
        NumberFormat number = NumberFormat.getIntegerInstance(VI);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Cột", "Nội dung", "Số liệu"});
        for (ReportField field : fields) {
            Long value = values.get(field.key());
            rows.add(new String[] {field.column(), field.labelVi(), value == null ? "" : number.format(value)});
        }
        return rows;
    }

    static String fileName(String province, String period) {
        return "bao-cao-" + province + "-" + ReportPeriod.parse(period).code() + ".pdf";
    }

    static String summaryFileName(String period) {
        return "tong-hop-" + ReportPeriod.parse(period).code() + ".pdf";
    }
}
