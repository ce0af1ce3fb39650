package vn.bhxh.cms.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.security.Actor;

/** Reports and the national summary as XLSX laid out like the forms, and a filled-in XLSX read back into a report. */
@Service
public class ReportExchange {

    private final ReportService reports;
    private final ReportAnalysisService analysis;
    private final OrgUnitService units;
    private final AuditLog audit;

    ReportExchange(ReportService reports, ReportAnalysisService analysis, OrgUnitService units, AuditLog audit) {
        this.reports = reports;
        this.analysis = analysis;
        this.units = units;
        this.audit = audit;
    }

    public byte[] export(Actor actor, String province, String period) {
        Report report = reports.readReport(actor, province, period);
        String name = units.province(province).name();
        return ReportWorkbook.write("BHXH " + name + " — kỳ " + report.period(), report.periodType(),
                List.of(new ReportWorkbook.Line(name, report.values())), null, report.texts());
    }

    /** The national summary of a period: one row per province that submitted, and the total. */
    public byte[] summary(Actor actor, String period) {
        ReportOverview overview = analysis.overview(actor, period);
        List<ReportWorkbook.Line> lines = overview.rows().stream().filter(r -> !"MISSING".equals(r.status()))
                .map(r -> new ReportWorkbook.Line(r.name(), r.values())).toList();
        return ReportWorkbook.write("Tổng hợp toàn quốc — kỳ " + overview.period(), ReportPeriod.parse(period).type(), lines,
                new ReportWorkbook.Line("Tổng cộng", overview.totals()), null);
    }

    /**
     * Applies a filled-in export of this report: every figure and text in it, checked as if typed, errors naming the
     * sheet, row and column. Nothing is saved unless all of it is right.
     */
    public ReportService.ReportDetails importXlsx(Actor actor, String province, String period, SeqNoPrimaryTerm expected,
            InputStream file) throws IOException {
        Report report = reports.readReport(actor, province, period);
        byte[] bytes = file.readNBytes(ReportWorkbook.MAX_BYTES + 1);
        if (bytes.length > ReportWorkbook.MAX_BYTES) {
            throw ReportValidationException.of("file", "report.error.file-too-large", ReportWorkbook.MAX_BYTES / 1024 / 1024);
        }
        ReportWorkbook.Read read = ReportWorkbook.read(report.periodType(), new ByteArrayInputStream(bytes));
        try {
            ReportService.ReportDetails saved = reports.edit(actor, province, period, expected, read.values(), read.texts());
            audit.record(actor.username(), AuditAction.REPORT_IMPORTED, ReportService.AUDIT_PREFIX + saved.report().id(), null, null,
                    saved.report().state().name(), null, new TreeSet<>(read.cells().keySet()).toString());
            return saved;
        } catch (ReportValidationException e) {
            throw new ReportValidationException(ReportWorkbook.atCells(e.errors(), read.cells()));
        }
    }
}
