package vn.bhxh.cms.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.search.SearchService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.publisher.job.JobStore;

/**
 * What the centre reads from the reports: completeness and timeliness per period, national totals per column, a
 * column across the months of a year, and the plan's yearly targets against what was reported.
 */
@Service
public class ReportAnalysisService {

    /** The plan's yearly targets (Phụ lục 1, "Khung kịch bản"; DOMAIN.md): news items and articles, infographics/videos. */
    static final long TARGET_ARTICLES = 3000;
    static final long TARGET_INFOGRAPHICS_VIDEOS = 50;
    /** At least 5 infographics a year (on compulsory and voluntary SI, household and student HI, the VssID app). */
    static final long TARGET_INFOGRAPHICS = 5;
    /** At least 6 campaign waves a year (3 Feb, 16 Feb, May, 1 July, Aug–Sep, Oct–Nov). */
    static final long TARGET_CAMPAIGN_WAVES = 6;
    /** More campaigns than the calendar ever holds in a year; the count stays exact below it. */
    static final int MAX_CAMPAIGNS = 100;

    private final ReportStore store;
    private final ReportAccess access;
    private final OrgUnitService units;
    private final BroadcastService broadcasts;
    private final SearchService search;
    private final JobStore jobs;

    ReportAnalysisService(ReportStore store, ReportAccess access, OrgUnitService units, BroadcastService broadcasts,
            SearchService search, JobStore jobs) {
        this.search = search;
        this.jobs = jobs;
        this.store = store;
        this.access = access;
        this.units = units;
        this.broadcasts = broadcasts;
    }

    public ReportOverview overview(Actor actor, String periodCode) {
        requireCentre(actor);
        ReportPeriod period = ReportPeriod.parse(periodCode);
        Map<String, Report> reports = store.search(null, List.of(period.code()), null, null).stream()
                .collect(Collectors.toMap(Report::province, r -> r));
        Map<String, String> provinces = units.provinceNames();
        List<ReportOverview.Row> rows = new ArrayList<>();
        int submitted = 0;
        int onTime = 0;
        for (Map.Entry<String, String> province : provinces.entrySet()) {
            Report report = reports.get(province.getKey());
            String status = report == null || !report.submitted() ? "MISSING" : report.onTime() ? "ON_TIME" : "LATE";
            if (!"MISSING".equals(status)) {
                submitted++;
                onTime += report.onTime() ? 1 : 0;
            }
            rows.add(new ReportOverview.Row(province.getKey(), province.getValue(), report == null ? null : report.state(), status,
                    report == null ? null : report.firstSubmittedAt(), report == null || !report.submitted() ? Map.of() : report.values()));
        }
        int total = provinces.size();
        return new ReportOverview(period.code(), period.deadline(), total, submitted, onTime, submitted - onTime, total - submitted,
                total == 0 ? 0 : (double) submitted / total, total == 0 ? 0 : (double) onTime / total, rows,
                totals(reports.values().stream().filter(Report::submitted).toList(), period.type()));
    }

    /** National totals per month of a year for every column (submitted monthly reports), months 1–12. */
    public Map<String, long[]> months(Actor actor, int year) {
        requireCentre(actor);
        List<Report> reports = store.search(null, null, year, PeriodType.MONTH);
        Map<String, long[]> series = new LinkedHashMap<>();
        for (ReportField field : ReportDataSets.numeric(PeriodType.MONTH)) {
            long[] months = new long[12];
            reports.stream().filter(Report::submitted)
                    .forEach(r -> months[r.reportPeriod().month() - 1] += r.value(field.key()));
            series.put(field.key(), months);
        }
        return series;
    }

    /**
     * The plan's targets for the year against the submitted monthly reports, the broadcast log, the catalogue (infographics
     * approved or published in the year) and the publisher's jobs (campaigns with posts delivered in the year).
     */
    public List<Target> targets(Actor actor, int year, LocalDate today) {
        requireCentre(actor);
        List<Report> reports = store.search(null, null, year, PeriodType.MONTH).stream().filter(Report::submitted).toList();
        long articles = sum(reports, "f03c9") + sum(reports, "f03c17");
        long media = sum(reports, "f03c18");
        LocalDate firstMonday = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate until = today.isBefore(LocalDate.of(year + 1, 1, 1)) ? today : LocalDate.of(year + 1, 1, 1);
        double shareSum = 0;
        int provincesWithCommunes = 0;
        for (String province : units.provinceNames().keySet()) {
            double share = broadcasts.shareMeetingTarget(province, firstMonday, until);
            if (!Double.isNaN(share)) {
                shareSum += share;
                provincesWithCommunes++;
            }
        }
        double broadcastShare = provincesWithCommunes == 0 ? 0 : shareSum / provincesWithCommunes;
        Instant yearStart = ReportPeriod.year(year).start();
        Instant yearEnd = ReportPeriod.year(year).end();
        long infographics = search.countReleased(actor, ProductType.INFOGRAPHIC, yearStart, yearEnd);
        long waves = jobs.deliveredCampaigns(yearStart, yearEnd, MAX_CAMPAIGNS).size();
        return List.of(
                new Target("articles", "Tin, bài (cột 9 và 17 Mẫu 03)", "News items and articles (columns 9 and 17)", TARGET_ARTICLES,
                        articles, articles >= TARGET_ARTICLES),
                new Target("infographics-videos", "Infographic, video (cột 18 Mẫu 03)", "Infographics and videos (column 18)",
                        TARGET_INFOGRAPHICS_VIDEOS, media, media >= TARGET_INFOGRAPHICS_VIDEOS),
                new Target("infographics", "Infographic đã duyệt, phát hành trong năm (kho sản phẩm)",
                        "Infographics approved or published in the year (catalogue)", TARGET_INFOGRAPHICS, infographics,
                        infographics >= TARGET_INFOGRAPHICS),
                new Target("campaign-waves", "Đợt truyền thông cao điểm có bài đã đăng (lịch phát hành)",
                        "Campaign waves with posts delivered (publishing calendar)", TARGET_CAMPAIGN_WAVES, waves,
                        waves >= TARGET_CAMPAIGN_WAVES),
                new Target("broadcast-communes", "Tỷ lệ % xã đạt ≥ 5 lượt phát thanh/tuần (≥ 2 về BHXH tự nguyện)",
                        "Share of commune-weeks with ≥ 5 broadcasts (≥ 2 on voluntary SI), %", 100,
                        Math.round(broadcastShare * 100), broadcastShare >= 1));
    }

    /** A yearly target and what was reported against it. */
    public record Target(String key, String labelVi, String labelEn, long target, long actual, boolean met) {
    }

    static Map<String, Long> totals(List<Report> reports, PeriodType type) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ReportField field : ReportDataSets.numeric(type)) {
            totals.put(field.key(), sum(reports, field.key()));
        }
        return totals;
    }

    private static long sum(List<Report> reports, String key) {
        return reports.stream().mapToLong(r -> r.value(key)).sum();
    }

    private void requireCentre(Actor actor) {
        if (!access.isCentre(actor)) {
            throw new ForbiddenException("report-centre-only");
        }
    }
}
