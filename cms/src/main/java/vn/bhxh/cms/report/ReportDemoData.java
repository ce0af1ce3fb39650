package vn.bhxh.cms.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.demo.DemoProperties;
import vn.bhxh.cms.elasticsearch.IndicesReadyEvent;

/**
 * Demo reports so the centre's views are not empty on the first start (bhxh.demo.enabled, on an empty reports index):
 * the twelve months before the current one for {@link #PROVINCES}, each province with its own scale and a random
 * spread around it, drawn from a {@link Random} with the fixed seed {@link #SEED} (the same data on every machine).
 * Most reports are accepted on time, some late, one month of one province missing; a few communes per province with
 * four weeks of loudspeaker broadcasts. Everything it makes is marked {@code demo=true} and "dữ liệu mẫu" on the pages.
 */
@Component
class ReportDemoData {

    private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);
    static final long SEED = 20220707L;
    static final List<String> PROVINCES = List.of("HN", "HCM", "DNG", "CB", "LCA", "DLK", "CT", "NA");
    static final String DEMO_USER = "demo.tinh";

    private final DemoProperties properties;
    private final ReportStore reports;
    private final CommuneStore communes;
    private final BroadcastStore broadcasts;
    private final Clock clock;

    ReportDemoData(DemoProperties properties, ReportStore reports, CommuneStore communes, BroadcastStore broadcasts, Clock clock) {
        this.properties = properties;
        this.reports = reports;
        this.communes = communes;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    @EventListener(IndicesReadyEvent.class)
    @Order(20)
    void load() {
        if (!properties.enabled()) {
            return;
        }
        try {
            if (!reports.search(null, null, null, null).isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(ReportPeriod.VIETNAM));
            List<Report> made = generate(today);
            reports.saveAll(made);
            List<Commune> demoCommunes = new ArrayList<>();
            List<Broadcast> demoBroadcasts = new ArrayList<>();
            communesAndBroadcasts(today, demoCommunes, demoBroadcasts);
            communes.saveAll(demoCommunes);
            broadcasts.saveAll(demoBroadcasts);
            log.info("Loaded {} demo reports, {} communes and {} broadcast entries (bhxh.demo.enabled=false turns this off)",
                    made.size(), demoCommunes.size(), demoBroadcasts.size());
        } catch (RuntimeException e) {
            // Demo reports must never keep the application from opening its API.
            log.warn("Demo reports not loaded: {}", e.getMessage());
        }
    }

    /** The demo reports for the twelve months before {@code today}'s month; deterministic for a given day. */
    static List<Report> generate(LocalDate today) {
        Random random = new Random(SEED);
        List<Report> made = new ArrayList<>();
        for (int p = 0; p < PROVINCES.size(); p++) {
            String province = PROVINCES.get(p);
            double scale = 0.5 + random.nextDouble() * 1.5;
            for (int back = 12; back >= 1; back--) {
                LocalDate month = today.withDayOfMonth(1).minusMonths(back);
                ReportPeriod period = ReportPeriod.month(month.getYear(), month.getMonthValue());
                if (p == PROVINCES.size() - 1 && back == 1) {
                    continue; // one province has not sent last month's report: the completeness view shows it missing
                }
                Map<String, Long> values = new HashMap<>();
                for (ReportField field : ReportDataSets.numeric(PeriodType.MONTH)) {
                    values.put(field.key(), Math.round(typical(field.key()) * scale * (0.7 + random.nextDouble() * 0.6)));
                }
                values.put("f03c16a", Math.min(values.get("f03c16"), Math.round(values.get("f03c16") * 0.4)));
                values.put("f03c6", Math.min(values.get("f03c4"), values.get("f03c6")));
                values.put("f03c5", Math.min(values.get("f03c3"), values.get("f03c5")));
                boolean late = random.nextInt(6) == 0;
                Instant submitted = period.deadline().minus(late ? -(1 + random.nextInt(5)) : 1 + random.nextInt(6), ChronoUnit.DAYS);
                Instant decided = submitted.plus(2, ChronoUnit.DAYS);
                Map<String, String> texts = Map.of(
                        "highlights", "Dữ liệu mẫu: hội nghị khách hàng về BHXH tự nguyện, BHYT hộ gia đình tại các xã; phát thanh trên loa xã.",
                        "difficulties", "Dữ liệu mẫu: một số xã chưa duy trì đủ lượt phát thanh mỗi tuần.",
                        "proposals", "Dữ liệu mẫu: đề nghị Trung tâm cung cấp thêm file phát thanh tiếng dân tộc.");
                made.add(new Report(Report.id(province, period.code()), province, period.code(), PeriodType.MONTH, period.year(),
                        ReportState.ACCEPTED, values, Map.of(), texts, null, submitted, submitted, DEMO_USER, decided, "demo.trungtam",
                        true, submitted, decided, "demo.trungtam", null));
            }
        }
        return made;
    }

    private static void communesAndBroadcasts(LocalDate today, List<Commune> demoCommunes, List<Broadcast> demoBroadcasts) {
        Random random = new Random(SEED + 1);
        Instant now = Instant.now();
        for (String province : PROVINCES.subList(0, 3)) {
            for (int c = 1; c <= 5; c++) {
                String code = province + "-X" + c;
                demoCommunes.add(new Commune(Commune.id(province, code), province, code, "Xã mẫu " + c + " (dữ liệu mẫu)"));
                for (int day = 1; day <= 28; day++) {
                    if (random.nextInt(7) < 5) {
                        boolean voluntary = random.nextInt(5) < 2;
                        demoBroadcasts.add(new Broadcast(UUID.randomUUID().toString(), province, code, today.minusDays(day), null,
                                voluntary ? "File phát thanh mẫu về BHXH tự nguyện" : "File phát thanh mẫu về BHYT hộ gia đình",
                                1, voluntary, true, DEMO_USER, now));
                    }
                }
            }
        }
    }

    /** A typical monthly value of each column for a mid-sized province (the demo's scale 1). */
    private static double typical(String key) {
        return switch (key) {
            case "f03c2" -> 2;
            case "f03c3" -> 12;
            case "f03c4" -> 900;
            case "f03c5" -> 5;
            case "f03c6" -> 350;
            case "f03c7" -> 40;
            case "f03c8" -> 600;
            case "f03c9" -> 25;
            case "f03c10" -> 4;
            case "f03c11" -> 2;
            case "f03c12" -> 60;
            case "f03c13" -> 6;
            case "f03c14" -> 300;
            case "f03c15" -> 8;
            case "f03c16" -> 900;
            case "f03c17" -> 20;
            case "f03c18" -> 4;
            case "f03c19" -> 1;
            case "f03c20" -> 15000;
            default -> 0;
        };
    }
}
