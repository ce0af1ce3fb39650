package vn.bhxh.cms.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditEvent;
import vn.bhxh.cms.security.AccountPrincipal;

/**
 * Provincial communication reports (plan 7.10): organisation units, data sets, reports with their workflow, the
 * loudspeaker broadcast log and the centre's views. Every change of a report carries If-Match.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService reports;
    private final ReportAnalysisService analysis;
    private final OrgUnitService units;
    private final BroadcastService broadcasts;
    private final ReportMessages messages;
    private final ReportExchange exchange;
    private final ReportPdf pdfs;

    ReportController(ReportService reports, ReportAnalysisService analysis, OrgUnitService units, BroadcastService broadcasts,
            ReportMessages messages, ReportExchange exchange, ReportPdf pdfs) {
        this.exchange = exchange;
        this.pdfs = pdfs;
        this.reports = reports;
        this.analysis = analysis;
        this.units = units;
        this.broadcasts = broadcasts;
        this.messages = messages;
    }

    record NewReport(@NotBlank @Size(max = 20) String province, @NotBlank @Size(max = 10) String period) {
    }

    /** Values and texts to change: only the keys given; null clears a value. Numbers may come as text ("12"). */
    record ReportChanges(Map<String, Object> values, Map<String, Object> texts) {
    }

    record StepRequest(@NotNull ReportAction action, @Size(max = 20000) String comment) {
    }

    record PeriodInfo(String period, PeriodType type, LocalDate firstDay, LocalDate lastDay, LocalDate dueBefore,
            List<ReportField> fields) {
    }

    @GetMapping("/data-sets")
    List<ReportField> dataSets() {
        return ReportDataSets.FIELDS;
    }

    @GetMapping("/periods/{period}")
    PeriodInfo period(@PathVariable String period) {
        ReportPeriod p = ReportPeriod.parse(period);
        return new PeriodInfo(p.code(), p.type(), p.firstDay(), p.lastDay(), p.dueDay(), ReportDataSets.fields(p.type()));
    }

    @GetMapping("/org-units")
    Map<String, Object> orgUnits() {
        return Map.of("centre", OrgUnitService.CENTRE, "provinces", units.provinces());
    }

    @GetMapping("/org-units/{province}/communes")
    List<Commune> communes(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province) {
        return units.communes(user.actor(), province);
    }

    @PostMapping("/org-units/{province}/communes")
    List<Commune> saveCommunes(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @RequestBody List<Commune> communes) {
        return units.saveCommunes(user.actor(), province, communes);
    }

    /** The addresses the province's reporting reminders go to. */
    record Contacts(List<String> emails) {
    }

    @GetMapping("/org-units/{province}/contacts")
    Contacts contacts(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province) {
        return new Contacts(units.contacts(user.actor(), province));
    }

    @PutMapping("/org-units/{province}/contacts")
    Contacts saveContacts(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @RequestBody Contacts contacts) {
        return new Contacts(units.saveContacts(user.actor(), province, contacts.emails()));
    }

    /** A CSV or XLSX file ({@code code,name} with a header row; XLSX: its first sheet) as the request body. */
    @PostMapping(path = "/org-units/{province}/communes/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    List<Commune> importCommunes(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            HttpServletRequest request) throws IOException {
        return units.importFile(user.actor(), province, request.getInputStream());
    }

    @GetMapping
    List<ReportView> list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String province,
            @RequestParam(required = false) String period, @RequestParam(required = false) Integer year) {
        Map<String, String> names = units.provinceNames();
        return reports.list(user.actor(), province, period, year).stream()
                .map(r -> ReportView.of(r, names.get(r.province()), List.of())).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ReportView> create(@AuthenticationPrincipal AccountPrincipal user, @Valid @RequestBody NewReport request) {
        ReportService.ReportDetails created = reports.create(user.actor(), request.province(), request.period());
        Report r = created.report();
        return ResponseEntity.created(URI.create("/api/v1/reports/" + r.province() + "/" + r.period()))
                .eTag(Versions.etag(r.seqNoPrimaryTerm())).body(view(created));
    }

    @GetMapping("/{province}/{period}")
    ResponseEntity<ReportView> get(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return withEtag(reports.read(user.actor(), province, period));
    }

    @PutMapping("/{province}/{period}")
    ResponseEntity<ReportView> edit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody ReportChanges changes) {
        return withEtag(reports.edit(user.actor(), province, period, Versions.fromIfMatch(ifMatch), changes.values(),
                changes.texts()));
    }

    @PostMapping("/{province}/{period}/prefill")
    ResponseEntity<ReportView> prefill(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withEtag(reports.refill(user.actor(), province, period, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{province}/{period}/transitions")
    ResponseEntity<ReportView> step(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StepRequest request) {
        return withEtag(reports.transition(user.actor(), province, period, Versions.fromIfMatch(ifMatch), request.action(),
                request.comment()));
    }

    @GetMapping("/{province}/{period}/audit")
    List<AuditEvent> audit(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return reports.history(user.actor(), province, period);
    }

    @GetMapping(path = "/{province}/{period}/export.xlsx", produces = XLSX)
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return xlsx("bao-cao-" + province + "-" + period + ".xlsx", exchange.export(user.actor(), province, period));
    }

    /** A filled-in export of this report as the request body; errors name the sheet, row and column. */
    @PutMapping(path = "/{province}/{period}/import.xlsx", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ReportView> importXlsx(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period, @RequestHeader(value = "If-Match", required = false) String ifMatch,
            HttpServletRequest request) throws IOException {
        return withEtag(exchange.importXlsx(user.actor(), province, period, Versions.fromIfMatch(ifMatch), request.getInputStream()));
    }

    @GetMapping(path = "/{province}/{period}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return pdf(ReportPdf.fileName(province, period), pdfs.report(user.actor(), province, period));
    }

    @GetMapping(path = "/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> summaryPdf(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String period) {
        return pdf(ReportPdf.summaryFileName(period), pdfs.summary(user.actor(), period));
    }

    @GetMapping(path = "/summary.xlsx", produces = XLSX)
    ResponseEntity<byte[]> summary(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String period) {
        return xlsx("tong-hop-" + ReportPeriod.parse(period).code() + ".xlsx", exchange.summary(user.actor(), period));
    }

    @GetMapping("/overview")
    ReportOverview overview(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String period) {
        return analysis.overview(user.actor(), period);
    }

    @GetMapping("/months")
    Map<String, long[]> months(@AuthenticationPrincipal AccountPrincipal user, @RequestParam int year) {
        return analysis.months(user.actor(), year);
    }

    @GetMapping("/targets")
    List<ReportAnalysisService.Target> targets(@AuthenticationPrincipal AccountPrincipal user, @RequestParam int year) {
        return analysis.targets(user.actor(), year, reports.today());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/broadcasts/{province}")
    ResponseEntity<List<Broadcast>> record(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @RequestBody List<BroadcastService.Entry> entries) {
        return ResponseEntity.status(201).body(broadcasts.record(user.actor(), province, entries));
    }

    /** A CSV file ({@code commune,date,product,times} with a header row) as the request body. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/broadcasts/{province}/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<List<Broadcast>> importBroadcasts(@AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String province, HttpServletRequest request) throws IOException {
        return ResponseEntity.status(201).body(broadcasts.importCsv(user.actor(), province,
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)));
    }

    @GetMapping("/broadcasts/{province}")
    List<Broadcast> log(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return broadcasts.log(user.actor(), province, from, to);
    }

    @GetMapping("/broadcasts/{province}/weeks/{week}")
    BroadcastWeek week(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String week) {
        return broadcasts.week(user.actor(), province, week);
    }

    /** A download (not shown inline), so that the browser saves it under its name. */
    static ResponseEntity<byte[]> pdf(String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(body);
    }

    static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(body);
    }

    private ResponseEntity<ReportView> withEtag(ReportService.ReportDetails details) {
        return ResponseEntity.ok().eTag(Versions.etag(details.report().seqNoPrimaryTerm())).body(view(details));
    }

    private ReportView view(ReportService.ReportDetails details) {
        return ReportView.of(details.report(), units.province(details.report().province()).name(),
                messages.resolve(details.warnings()));
    }
}
