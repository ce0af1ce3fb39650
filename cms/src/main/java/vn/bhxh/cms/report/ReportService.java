package vn.bhxh.cms.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.cms.security.Actor;

/**
 * A province's reports: created prefilled, edited while a draft (or returned), submitted by the province's report
 * approver, accepted or returned by the centre. Every step is audited; every write is conditional on the version read.
 */
@Service
public class ReportService {

    static final String AUDIT_PREFIX = "report:";

    private final ReportStore store;
    private final ReportAccess access;
    private final OrgUnitService units;
    private final ReportPrefill prefill;
    private final AuditLog audit;
    private final Clock clock;

    ReportService(ReportStore store, ReportAccess access, OrgUnitService units, ReportPrefill prefill, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.units = units;
        this.prefill = prefill;
        this.audit = audit;
        this.clock = clock;
    }

    /** A report and what looks unusual in it. */
    public record ReportDetails(Report report, List<ReportIssue> warnings) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ReportPeriod.VIETNAM));
    }

    public ReportDetails create(Actor actor, String province, String periodCode) {
        try {
            units.province(province);
        } catch (NotFoundException e) {
            // A code in the request body, not a resource in the path: 400 naming the field, like every unknown code.
            throw ReportValidationException.of("province", "report.error.unknown-province", province);
        }
        access.requireEdit(actor, province);
        ReportPeriod period = ReportPeriod.parse(periodCode);
        if (period.isFuture(today())) {
            throw ReportValidationException.of("period", "report.error.future-period", period.code());
        }
        Instant now = clock.instant();
        Map<String, Long> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        startingValues(actor, province, period, values, sources);
        Report report = new Report(Report.id(province, period.code()), province, period.code(), period.type(), period.year(),
                ReportState.DRAFT, values, sources, Map.of(), null, null, null, null, null, null, false, now, now,
                actor.username(), null);
        Report created;
        try {
            created = store.create(report);
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new ConflictException("report-exists", units.province(province).name(), period.code());
            }
            throw e;
        }
        audit.record(actor.username(), AuditAction.REPORT_CREATED, AUDIT_PREFIX + created.id(), null, null, ReportState.DRAFT.name(), null,
                sources.keySet().toString());
        return details(created);
    }

    public ReportDetails read(Actor actor, String province, String periodCode) {
        return details(readReport(actor, province, periodCode));
    }

    Report readReport(Actor actor, String province, String periodCode) {
        access.requireRead(actor, province);
        String period = ReportPeriod.parse(periodCode).code();
        return store.find(Report.id(province, period)).orElseThrow(() -> new NotFoundException("báo cáo", province + " " + period));
    }

    /** The caller's reports (a province's own; the centre: all, or one province), optionally of one period or year. */
    public List<Report> list(Actor actor, String province, String period, Integer year) {
        String own = access.ownProvince(actor);
        if (province != null) {
            access.requireRead(actor, province);
        } else if (!access.isCentre(actor)) {
            if (own == null) {
                return List.of();
            }
            province = own;
        }
        return store.search(province == null ? null : List.of(province), period == null ? null : List.of(ReportPeriod.parse(period).code()),
                year, null);
    }

    /** Changes values and texts (given keys only; null clears one). A changed value loses its "filled in from" note. */
    public ReportDetails edit(Actor actor, String province, String periodCode, SeqNoPrimaryTerm expected,
            Map<String, ?> values, Map<String, ?> texts) {
        Report current = readReport(actor, province, periodCode);
        requireVersion(current, expected);
        access.requireEdit(actor, province);
        if (!current.state().editable()) {
            throw new ConflictException("report-not-editable", current.state().name());
        }
        ReportInput.Changes changes = ReportInput.check(current.periodType(), values, texts);
        Map<String, Long> newValues = new HashMap<>(current.values());
        Map<String, String> newSources = new HashMap<>(current.sources());
        List<String> changed = new ArrayList<>();
        changes.values().forEach((key, value) -> {
            if (!Objects.equals(current.values().get(key), value)) {
                changed.add(key);
                newSources.remove(key);
                if (value == null) {
                    newValues.remove(key);
                } else {
                    newValues.put(key, value);
                }
            }
        });
        Map<String, String> newTexts = new HashMap<>(current.texts());
        changes.texts().forEach((key, text) -> {
            if (!Objects.equals(current.texts().get(key), text)) {
                changed.add(key);
                if (text == null || text.isEmpty()) {
                    newTexts.remove(key);
                } else {
                    newTexts.put(key, text);
                }
            }
        });
        Report saved = save(current.withContent(newValues, newSources, newTexts, actor.username(), clock.instant())
                .withVersion(expected));
        audit.record(actor.username(), AuditAction.REPORT_EDITED, AUDIT_PREFIX + saved.id(), null, current.state().name(),
                saved.state().name(), null, new TreeSet<>(changed).toString());
        return details(saved);
    }

    /** Fills the values the system knows again (broadcasts, products, posts…), overwriting those columns. */
    public ReportDetails refill(Actor actor, String province, String periodCode, SeqNoPrimaryTerm expected) {
        Report current = readReport(actor, province, periodCode);
        requireVersion(current, expected);
        access.requireEdit(actor, province);
        if (!current.state().editable()) {
            throw new ConflictException("report-not-editable", current.state().name());
        }
        Map<String, Long> values = new HashMap<>(current.values());
        Map<String, String> sources = new HashMap<>(current.sources());
        startingValues(actor, province, current.reportPeriod(), values, sources);
        Report saved = save(current.withContent(values, sources, current.texts(), actor.username(), clock.instant())
                .withVersion(expected));
        audit.record(actor.username(), AuditAction.REPORT_PREFILLED, AUDIT_PREFIX + saved.id(), null, current.state().name(),
                saved.state().name(), null, sources.keySet().toString());
        return details(saved);
    }

    public ReportDetails transition(Actor actor, String province, String periodCode, SeqNoPrimaryTerm expected,
            ReportAction action, String comment) {
        Report current = readReport(actor, province, periodCode);
        requireVersion(current, expected);
        if (!action.allowedFrom(current.state())) {
            throw new ConflictException("report-illegal-step", action.name(), current.state().name());
        }
        access.requireStep(actor, current, action);
        if (action == ReportAction.RETURN && (comment == null || comment.isBlank())) {
            throw ReportValidationException.of("comment", "report.error.comment-required");
        }
        if (comment != null && comment.length() > ReportInput.MAX_TEXT) {
            throw ReportValidationException.of("comment", "report.error.text-too-long", "comment", ReportInput.MAX_TEXT);
        }
        Instant now = clock.instant();
        Report saved = save(current.withState(action, actor.username(), comment == null ? null : comment.strip(), now)
                .withVersion(expected));
        String details = action == ReportAction.SUBMIT && !now.isBefore(current.reportPeriod().deadline()) ? "LATE" : null;
        audit.record(actor.username(), action.audited(), AUDIT_PREFIX + saved.id(), null, current.state().name(),
                saved.state().name(), comment, details);
        return details(saved);
    }

    public List<AuditEvent> history(Actor actor, String province, String periodCode) {
        Report report = readReport(actor, province, periodCode);
        return audit.search(new AuditLog.AuditFilter(null, null, AUDIT_PREFIX + report.id(), null, null, null), 0, 200);
    }

    public boolean allows(Actor actor, Report report, ReportAction action) {
        return access.allows(actor, report, action);
    }

    public boolean canEdit(Actor actor, Report report) {
        return report.state().editable() && access.canEdit(actor, report.province());
    }

    /** A month starts with what the system knows; a half-year or year with the sums of its months, then what it knows. */
    private void startingValues(Actor actor, String province, ReportPeriod period, Map<String, Long> values, Map<String, String> sources) {
        if (!period.months().isEmpty()) {
            List<Report> months = store.search(List.of(province), period.months().stream().map(ReportPeriod::code).toList(),
                    null, PeriodType.MONTH);
            for (ReportField field : ReportDataSets.numeric(PeriodType.MONTH)) {
                long sum = months.stream().mapToLong(m -> m.value(field.key())).sum();
                if (!months.isEmpty()) {
                    values.put(field.key(), sum);
                    sources.put(field.key(), "Cộng " + months.size() + " báo cáo tháng / sum of " + months.size() + " monthly reports");
                }
            }
        }
        prefill.known(actor, province, period).forEach((key, known) -> {
            values.put(key, known.value());
            sources.put(key, known.source());
        });
    }

    private ReportDetails details(Report report) {
        return new ReportDetails(report, warnings(report));
    }

    /** Monthly values far from the province's earlier months (see {@link OutlierRule}). */
    private List<ReportIssue> warnings(Report report) {
        if (report.periodType() != PeriodType.MONTH) {
            return List.of();
        }
        ReportPeriod period = report.reportPeriod();
        List<String> earlier = new ArrayList<>();
        for (int back = 1; back <= 12; back++) {
            LocalDate month = period.firstDay().minusMonths(back);
            earlier.add(ReportPeriod.month(month.getYear(), month.getMonthValue()).code());
        }
        List<Report> history = store.search(List.of(report.province()), earlier, null, PeriodType.MONTH);
        List<ReportIssue> warnings = new ArrayList<>();
        for (ReportField field : ReportDataSets.numeric(PeriodType.MONTH)) {
            Long value = report.values().get(field.key());
            List<Long> past = history.stream().map(h -> h.values().get(field.key())).filter(Objects::nonNull).toList();
            long[] range = OutlierRule.range(past);
            if (value != null && range != null && (value < range[0] || value > range[1])) {
                warnings.add(new ReportIssue("values." + field.key(), "report.warning.outlier", field.column(), value, range[0],
                        range[1], past.size()));
            }
        }
        return warnings;
    }

    /**
     * If-Match is judged first: a change made from an old version gets 412 with the current one. The conditional save
     * still catches a race after this check.
     */
    private static void requireVersion(Report current, SeqNoPrimaryTerm expected) {
        if (expected != null && !expected.equals(current.seqNoPrimaryTerm())) {
            throw new PreconditionFailedException(Versions.etag(current.seqNoPrimaryTerm()), current);
        }
    }

    private Report save(Report changed) {
        try {
            return store.save(changed);
        } catch (RuntimeException e) {
            if (!VersionConflicts.is(e)) {
                throw e;
            }
            Report now = store.find(changed.id()).orElseThrow();
            throw new PreconditionFailedException(Versions.etag(now.seqNoPrimaryTerm()), now);
        }
    }
}
