package vn.bhxh.cms.report;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;

/**
 * The reports' pages under /reports: a province's list and form, the workflow buttons, the broadcast log with the
 * weekly target, the communes, and the centre's view with charts. They call the same services as the API.
 */
@Controller
class ReportPages {

    private static final String FIELD_PREFIX = "v_";
    private static final String TEXT_PREFIX = "t_";

    private final ReportService reports;
    private final ReportAnalysisService analysis;
    private final OrgUnitService units;
    private final BroadcastService broadcasts;
    private final ReportAccess access;
    private final ReportMessages messages;
    private final ReportExchange exchange;
    private final ReportChartData charts;
    private final ReportPdf pdfs;

    ReportPages(ReportService reports, ReportAnalysisService analysis, OrgUnitService units, BroadcastService broadcasts,
            ReportAccess access, ReportMessages messages, ReportExchange exchange, ReportChartData charts, ReportPdf pdfs) {
        this.exchange = exchange;
        this.pdfs = pdfs;
        this.charts = charts;
        this.reports = reports;
        this.analysis = analysis;
        this.units = units;
        this.broadcasts = broadcasts;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) Integer year, Model model) {
        Actor actor = user.actor();
        LocalDate today = reports.today();
        int shown = year == null ? today.getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("reports", reports.list(actor, null, null, shown));
        model.addAttribute("province", access.ownProvince(actor));
        model.addAttribute("centre", access.isCentre(actor));
        model.addAttribute("provinceNames", units.provinceNames());
        model.addAttribute("periods", openPeriods(today));
        model.addAttribute("currentMonth", ReportPeriod.month(today.getYear(), today.getMonthValue()).code());
        return "reports/list";
    }

    @PostMapping("/reports")
    String create(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String province, @RequestParam String period) {
        Report created = reports.create(user.actor(), province, period).report();
        return "redirect:/reports/" + created.province() + "/" + created.period();
    }

    @GetMapping("/reports/{province}/{period}")
    String report(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            Model model, Locale locale) {
        ReportService.ReportDetails details = reports.read(user.actor(), province, period);
        show(user.actor(), details, null, List.of(), model, locale);
        return "reports/report";
    }

    /** The report laid out for printing (the browser's print prints it or saves it as PDF). */
    @GetMapping("/reports/{province}/{period}/print")
    String print(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            Model model, Locale locale) {
        show(user.actor(), reports.read(user.actor(), province, period), null, List.of(), model, locale);
        return "reports/print";
    }

    /** Saves the form; refused input comes back in the form as typed, with the errors beside it. */
    @PostMapping("/reports/{province}/{period}")
    String save(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            @RequestParam String version, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> texts = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(FIELD_PREFIX)) {
                values.put(name.substring(FIELD_PREFIX.length()), value);
            } else if (name.startsWith(TEXT_PREFIX)) {
                texts.put(name.substring(TEXT_PREFIX.length()), value);
            }
        });
        try {
            ReportService.ReportDetails saved = reports.edit(user.actor(), province, period, Versions.fromIfMatch(version), values, texts);
            redirect.addFlashAttribute("flash", messages.text("ui.report.saved", locale));
            return "redirect:/reports/" + saved.report().province() + "/" + saved.report().period();
        } catch (ReportValidationException e) {
            ReportService.ReportDetails current = reports.read(user.actor(), province, period);
            show(user.actor(), current, form, e.errors(), model, locale);
            model.addAttribute("version", version);
            return "reports/report";
        }
    }

    @GetMapping("/reports/{province}/{period}/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return ReportController.xlsx("bao-cao-" + province + "-" + ReportPeriod.parse(period).code() + ".xlsx",
                exchange.export(user.actor(), province, period));
    }

    @GetMapping("/reports/{province}/{period}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province,
            @PathVariable String period) {
        return ReportController.pdf(ReportPdf.fileName(province, period), pdfs.report(user.actor(), province, period));
    }

    @GetMapping("/reports/summary.pdf")
    ResponseEntity<byte[]> summaryPdf(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String period) {
        return ReportController.pdf(ReportPdf.summaryFileName(period), pdfs.summary(user.actor(), period));
    }

    @GetMapping("/reports/summary.xlsx")
    ResponseEntity<byte[]> summary(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String period) {
        return ReportController.xlsx("tong-hop-" + ReportPeriod.parse(period).code() + ".xlsx", exchange.summary(user.actor(), period));
    }

    /** A filled-in XLSX export of this report; refusals name the sheet, row and column. */
    @PostMapping("/reports/{province}/{period}/import")
    String importXlsx(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            @RequestParam String version, @RequestParam MultipartFile file, Locale locale, RedirectAttributes redirect) {
        return afterInput(() -> exchange.importXlsx(user.actor(), province, period, Versions.fromIfMatch(version),
                file.getInputStream()), locale, redirect, "/reports/" + province + "/" + ReportPeriod.parse(period).code());
    }

    @PostMapping("/reports/{province}/{period}/prefill")
    String prefill(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            @RequestParam String version, Locale locale, RedirectAttributes redirect) {
        reports.refill(user.actor(), province, period, Versions.fromIfMatch(version));
        redirect.addFlashAttribute("flash", messages.text("ui.report.prefilled", locale));
        return "redirect:/reports/" + province + "/" + ReportPeriod.parse(period).code();
    }

    @PostMapping("/reports/{province}/{period}/step")
    String step(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String province, @PathVariable String period,
            @RequestParam String version, @RequestParam ReportAction action, @RequestParam(required = false) String comment,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            reports.transition(user.actor(), province, period, Versions.fromIfMatch(version), action, comment);
        } catch (ReportValidationException e) {
            show(user.actor(), reports.read(user.actor(), province, period), null, e.errors(), model, locale);
            return "reports/report";
        }
        redirect.addFlashAttribute("flash", messages.text("ui.report.done." + action, locale));
        return "redirect:/reports/" + province + "/" + ReportPeriod.parse(period).code();
    }

    @GetMapping("/reports/overview")
    String overview(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String period, Model model) {
        LocalDate today = reports.today();
        String shown = period == null ? ReportPeriod.month(today.getYear(), today.getMonthValue()).code() : period;
        ReportOverview overview = analysis.overview(user.actor(), shown);
        int year = ReportPeriod.parse(shown).year();
        model.addAttribute("overview", overview);
        model.addAttribute("fields", ReportDataSets.numeric(ReportPeriod.parse(shown).type()));
        Map<String, long[]> months = analysis.months(user.actor(), year);
        model.addAttribute("chartData", charts.json(overview, months));
        model.addAttribute("targets", analysis.targets(user.actor(), year, today));
        model.addAttribute("year", year);
        model.addAttribute("periods", openPeriods(today));
        return "reports/overview";
    }

    @GetMapping("/reports/broadcasts")
    String broadcastWeek(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String province,
            @RequestParam(required = false) String week, Model model) {
        String shownProvince = province != null ? province : access.ownProvince(user.actor());
        if (shownProvince == null) {
            model.addAttribute("provinces", units.provinces());
            return "reports/choose-province";
        }
        String shownWeek = week == null ? BroadcastWeek.code(reports.today()) : week;
        BroadcastWeek view = broadcasts.week(user.actor(), shownProvince, shownWeek);
        model.addAttribute("week", view);
        model.addAttribute("provinceName", units.province(shownProvince).name());
        model.addAttribute("previousWeek", BroadcastWeek.code(view.monday().minusWeeks(1)));
        model.addAttribute("nextWeek", BroadcastWeek.code(view.monday().plusWeeks(1)));
        model.addAttribute("log", broadcasts.log(user.actor(), shownProvince, view.monday(), view.sunday()));
        model.addAttribute("canEdit", access.canEdit(user.actor(), shownProvince));
        model.addAttribute("today", reports.today().toString());
        return "reports/broadcasts";
    }

    @PostMapping("/reports/broadcasts")
    String logBroadcast(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String province,
            @RequestParam String commune, @RequestParam String date, @RequestParam String productId,
            @RequestParam(required = false) Integer times, Locale locale, RedirectAttributes redirect) {
        return afterInput(() -> broadcasts.record(user.actor(), province,
                List.of(new BroadcastService.Entry(commune, date, productId, times))), locale, redirect,
                "/reports/broadcasts?province=" + province);
    }

    @PostMapping("/reports/broadcasts/import")
    String importBroadcasts(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String province,
            @RequestParam MultipartFile file, Locale locale, RedirectAttributes redirect) {
        return afterInput(() -> broadcasts.importCsv(user.actor(), province,
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)), locale, redirect,
                "/reports/broadcasts?province=" + province);
    }

    @GetMapping("/reports/communes")
    String communes(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String province, Model model) {
        String shown = province != null ? province : access.ownProvince(user.actor());
        if (shown == null) {
            model.addAttribute("provinces", units.provinces());
            return "reports/choose-province";
        }
        model.addAttribute("province", shown);
        model.addAttribute("provinceName", units.province(shown).name());
        model.addAttribute("communes", units.communes(user.actor(), shown));
        model.addAttribute("canEdit", access.canEdit(user.actor(), shown));
        model.addAttribute("contacts", units.contacts(user.actor(), shown));
        return "reports/communes";
    }

    /** The province's reminder addresses, one a line. */
    @PostMapping("/reports/communes/contacts")
    String saveContacts(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String province, @RequestParam String emails,
            Locale locale, RedirectAttributes redirect) {
        return afterInput(() -> units.saveContacts(user.actor(), province,
                emails.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()), locale, redirect,
                "/reports/communes?province=" + province);
    }

    @PostMapping("/reports/communes/import")
    String importCommunes(@AuthenticationPrincipal AccountPrincipal user, @RequestParam String province,
            @RequestParam MultipartFile file, Locale locale, RedirectAttributes redirect) {
        return afterInput(() -> units.importFile(user.actor(), province, file.getInputStream()), locale, redirect,
                "/reports/communes?province=" + province);
    }

    private interface Input {
        Object run() throws IOException;
    }

    private String afterInput(Input input, Locale locale, RedirectAttributes redirect, String back) {
        try {
            input.run();
            redirect.addFlashAttribute("flash", messages.text("ui.report.saved", locale));
        } catch (ReportValidationException e) {
            redirect.addFlashAttribute("flashError", String.join(" ", e.errors().stream()
                    .map(i -> i.field() + ": " + messages.message(i, locale)).toList()));
        } catch (IOException e) {
            redirect.addFlashAttribute("flashError", messages.text("report.error.sheet", locale));
        }
        return "redirect:" + back;
    }

    private void show(Actor actor, ReportService.ReportDetails details, Map<String, String> typed, List<ReportIssue> errors,
            Model model, Locale locale) {
        Report report = details.report();
        ReportPeriod period = report.reportPeriod();
        model.addAttribute("report", report);
        model.addAttribute("period", period);
        model.addAttribute("provinceName", units.province(report.province()).name());
        model.addAttribute("version", Versions.etag(report.seqNoPrimaryTerm()));
        model.addAttribute("editable", reports.canEdit(actor, report));
        List<ReportAction> steps = new ArrayList<>();
        for (ReportAction action : ReportAction.values()) {
            if (reports.allows(actor, report, action)) {
                steps.add(action);
            }
        }
        model.addAttribute("steps", steps);
        Map<String, String> shown = new LinkedHashMap<>();
        for (ReportField field : ReportDataSets.fields(period.type())) {
            String prefix = field.numeric() ? FIELD_PREFIX : TEXT_PREFIX;
            String stored = field.numeric() ? (report.values().containsKey(field.key()) ? report.values().get(field.key()).toString() : "")
                    : report.texts().getOrDefault(field.key(), "");
            shown.put(field.key(), typed != null && typed.containsKey(prefix + field.key()) ? typed.get(prefix + field.key()) : stored);
        }
        model.addAttribute("shown", shown);
        Map<ReportForm, List<ReportField>> sections = new LinkedHashMap<>();
        ReportDataSets.fields(period.type()).forEach(f -> sections.computeIfAbsent(f.form(), k -> new ArrayList<>()).add(f));
        model.addAttribute("sections", sections);
        Map<String, String> errorsByField = new HashMap<>();
        errors.forEach(i -> errorsByField.merge(i.field().replaceFirst("^(values|texts)\\.", ""), messages.message(i, locale),
                (a, b) -> a + " " + b));
        model.addAttribute("errors", errorsByField);
        model.addAttribute("otherErrors", errors.stream().filter(i -> !i.field().startsWith("values.") && !i.field().startsWith("texts."))
                .map(i -> messages.message(i, locale)).toList());
        Map<String, String> warnings = new HashMap<>();
        details.warnings().forEach(i -> warnings.put(i.field().replaceFirst("^values\\.", ""), messages.message(i, locale)));
        model.addAttribute("warnings", warnings);
        model.addAttribute("history", reports.history(actor, report.province(), report.period()));
    }

    /** The periods a province may open now: this month and the eleven before, this year's half-year and year, last year. */
    private static List<String> openPeriods(LocalDate today) {
        List<String> periods = new ArrayList<>();
        for (int back = 0; back < 12; back++) {
            LocalDate month = today.minusMonths(back);
            periods.add(ReportPeriod.month(month.getYear(), month.getMonthValue()).code());
        }
        periods.add(ReportPeriod.halfYear(today.getYear()).code());
        periods.add(ReportPeriod.year(today.getYear()).code());
        periods.add(ReportPeriod.halfYear(today.getYear() - 1).code());
        periods.add(ReportPeriod.year(today.getYear() - 1).code());
        return periods;
    }
}
