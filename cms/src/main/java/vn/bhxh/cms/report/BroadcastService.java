package vn.bhxh.cms.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;

/**
 * The loudspeaker broadcast log: provincial staff record which radio file of the catalogue went out in which commune,
 * on which day and how many times (typed in or imported from CSV), and see week by week which communes meet the plan's
 * target.
 */
@Service
public class BroadcastService {

    static final String VOLUNTARY_TOPIC = "VOLUNTARY_SI";
    /** More than a commune loudspeaker plays one file in a day (it plays a few times a day). */
    static final int MAX_TIMES = 50;
    static final int MAX_ENTRIES_PER_CALL = 5000;
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final BroadcastStore store;
    private final CommuneStore communes;
    private final OrgUnitService units;
    private final ReportAccess access;
    private final ProductService products;
    private final Clock clock;

    BroadcastService(BroadcastStore store, CommuneStore communes, OrgUnitService units, ReportAccess access,
            ProductService products, Clock clock) {
        this.store = store;
        this.communes = communes;
        this.units = units;
        this.access = access;
        this.products = products;
        this.clock = clock;
    }

    /** One line of the log as typed or imported: date as ISO ({@code 2026-05-12}) or {@code 12/05/2026}. */
    public record Entry(String commune, String date, String productId, Integer times) {
    }

    public List<Broadcast> record(Actor actor, String province, List<Entry> entries) {
        return record(actor, province, entries, i -> "entries[" + i + "]");
    }

    /** Imports {@code commune,date,product,times} rows (a header row first); bad rows are named and nothing is saved. */
    public List<Broadcast> importCsv(Actor actor, String province, Reader csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(csv);
        String line = reader.readLine();
        while ((line = reader.readLine()) != null) {
            List<String> cells = Csv.split(line);
            if (line.isBlank()) {
                entries.add(null);
                continue;
            }
            Integer times;
            try {
                times = cells.size() > 3 && !cells.get(3).isBlank() ? Integer.valueOf(cells.get(3).strip()) : 1;
            } catch (NumberFormatException e) {
                times = -1;
            }
            entries.add(new Entry(cells.get(0).strip(), cells.size() > 1 ? cells.get(1).strip() : "",
                    cells.size() > 2 ? cells.get(2).strip() : "", times));
        }
        return record(actor, province, entries, i -> "hàng " + (i + 2));
    }

    private List<Broadcast> record(Actor actor, String province, List<Entry> entries, Function<Integer, String> where) {
        units.province(province);
        access.requireEdit(actor, province);
        if (entries.size() > MAX_ENTRIES_PER_CALL) {
            throw ReportValidationException.of("entries", "report.error.too-many-rows", MAX_ENTRIES_PER_CALL);
        }
        Map<String, Commune> known = communes.of(province).stream().collect(Collectors.toMap(Commune::code, c -> c));
        LocalDate today = LocalDate.now(clock.withZone(ReportPeriod.VIETNAM));
        Instant now = clock.instant();
        List<ReportIssue> errors = new ArrayList<>();
        List<Broadcast> valid = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            String at = where.apply(i);
            if (entry.commune() == null || !known.containsKey(entry.commune())) {
                errors.add(new ReportIssue(at + ".commune", "report.error.unknown-commune", entry.commune()));
            }
            LocalDate date = date(entry.date());
            if (date == null) {
                errors.add(new ReportIssue(at + ".date", "report.error.date", entry.date()));
            } else if (date.isAfter(today)) {
                errors.add(new ReportIssue(at + ".date", "report.error.future-date", entry.date()));
            }
            if (entry.times() == null || entry.times() < 1 || entry.times() > MAX_TIMES) {
                errors.add(new ReportIssue(at + ".times", "report.error.times", MAX_TIMES));
            }
            Variant radio = radioFile(actor, entry.productId());
            if (radio == null) {
                errors.add(new ReportIssue(at + ".productId", "report.error.radio-file", entry.productId()));
            }
            if (errors.isEmpty()) {
                valid.add(new Broadcast(UUID.randomUUID().toString(), province, entry.commune(), date, radio.productId(),
                        radio.content().title(), entry.times(), radio.product().topics().contains(VOLUNTARY_TOPIC), false,
                        actor.username(), now));
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        store.saveAll(valid);
        return valid;
    }

    public List<Broadcast> log(Actor actor, String province, LocalDate from, LocalDate to) {
        units.province(province);
        access.requireRead(actor, province);
        return store.between(province, from, to);
    }

    public BroadcastWeek week(Actor actor, String province, String week) {
        units.province(province);
        access.requireRead(actor, province);
        LocalDate monday = BroadcastWeek.monday(week);
        return week(province, monday, store.between(province, monday, monday.plusDays(6)));
    }

    /** The share of (commune, week) pairs meeting the target over the weeks from {@code from} on, ending before {@code until}. */
    public double shareMeetingTarget(String province, LocalDate from, LocalDate until) {
        List<Commune> all = communes.of(province);
        if (all.isEmpty()) {
            return Double.NaN;
        }
        List<Broadcast> log = store.between(province, from, until.minusDays(1));
        long pairs = 0;
        long meeting = 0;
        for (LocalDate monday = from; monday.plusDays(6).isBefore(until); monday = monday.plusWeeks(1)) {
            LocalDate start = monday;
            BroadcastWeek week = week(province, monday,
                    log.stream().filter(b -> !b.date().isBefore(start) && !b.date().isAfter(start.plusDays(6))).toList());
            pairs += week.communes().size();
            meeting += week.communes().size() - week.belowTarget().size();
        }
        return pairs == 0 ? Double.NaN : (double) meeting / pairs;
    }

    private BroadcastWeek week(String province, LocalDate monday, List<Broadcast> log) {
        List<BroadcastWeek.CommuneWeek> rows = communes.of(province).stream().map(c -> {
            long all = log.stream().filter(b -> b.commune().equals(c.code())).mapToLong(Broadcast::times).sum();
            long voluntary = log.stream().filter(b -> b.commune().equals(c.code()) && b.voluntary()).mapToLong(Broadcast::times).sum();
            return new BroadcastWeek.CommuneWeek(c.code(), c.name(), all, voluntary, BroadcastWeek.meets(all, voluntary));
        }).toList();
        return new BroadcastWeek(BroadcastWeek.code(monday), monday, monday.plusDays(6), province, rows,
                rows.stream().filter(r -> !r.meetsTarget()).toList());
    }

    private Variant radioFile(Actor actor, String productId) {
        if (productId == null || productId.isBlank()) {
            return null;
        }
        try {
            Variant source = products.readVariant(actor, productId.strip(), Variant.SOURCE_LANGUAGE);
            return source.product().type() == ProductType.RADIO_FILE ? source : null;
        } catch (NotFoundException | ApiException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text.strip(), VIETNAMESE_DATE) : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
