package vn.bhxh.cms.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.asset.AssetService;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.distribution.CalendarView;
import vn.bhxh.cms.distribution.JobView;
import vn.bhxh.cms.distribution.ScheduleService;
import vn.bhxh.cms.search.SearchService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.job.JobState;

/**
 * What the system itself knows about a province's period, to start a report with: each value with a note of where it
 * came from (shown next to it; the person filling in the report may change it). Read through the other features'
 * services, with the rights of the person creating the report:
 * <ul>
 * <li>column 15: the province's own products approved or published in the period, by type (and its staff's downloads);
 * <li>columns 12, 13, 17, 18: posts of the province's own products delivered to Facebook and Zalo, YouTube, the portal;
 * <li>columns 16 and 16a: the loudspeaker broadcast log.
 * </ul>
 * Visits of public pages and QR scans are not counted anywhere in the system yet, so column 20 is left to the province.
 */
@Component
class ReportPrefill {

    /** The calendar answers at most this many days per call; longer periods are read in pieces. */
    static final int CALENDAR_DAYS_PER_CALL = 92;
    private static final List<ProductType> PORTAL_MEDIA = List.of(ProductType.VIDEO, ProductType.INFOGRAPHIC);

    private final BroadcastStore broadcasts;
    private final SearchService search;
    private final ScheduleService schedules;
    private final ProductService products;
    private final AssetService files;

    ReportPrefill(BroadcastStore broadcasts, SearchService search, ScheduleService schedules, ProductService products,
            AssetService files) {
        this.broadcasts = broadcasts;
        this.search = search;
        this.schedules = schedules;
        this.products = products;
        this.files = files;
    }

    record Known(long value, String source) {
    }

    Map<String, Known> known(Actor actor, String province, ReportPeriod period) {
        Map<String, Known> known = new LinkedHashMap<>();
        productsIssued(actor, province, period, known);
        posts(actor, province, period, known);
        List<Broadcast> log = broadcasts.between(province, period.firstDay(), period.lastDay());
        if (!log.isEmpty()) {
            long all = log.stream().mapToLong(Broadcast::times).sum();
            long voluntary = log.stream().filter(Broadcast::voluntary).mapToLong(Broadcast::times).sum();
            String source = "Nhật ký phát thanh (" + log.size() + " dòng) / broadcast log";
            known.put(ReportDataSets.key(ReportForm.FORM_03, "16"), new Known(all, source));
            known.put(ReportDataSets.key(ReportForm.FORM_03, "16a"), new Known(voluntary, source));
        }
        return known;
    }

    private void productsIssued(Actor actor, String province, ReportPeriod period, Map<String, Known> known) {
        List<Variant> issued = search.releasedLocal(actor, province, period.start(), period.end());
        long downloads = files.downloadsOfProvince(province, period.start(), period.end());
        if (issued.isEmpty() && downloads == 0) {
            return;
        }
        Map<ProductType, Long> byType = new TreeMap<>(issued.stream()
                .collect(Collectors.groupingBy(v -> v.product().type(), Collectors.counting())));
        String types = byType.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
        known.put(ReportDataSets.key(ReportForm.FORM_03, "15"), new Known(issued.size(),
                "Kho sản phẩm: sản phẩm của tỉnh đã duyệt/phát hành" + (types.isEmpty() ? "" : " (" + types + ")")
                        + "; cán bộ tỉnh tải " + downloads + " tệp / catalogue: the province's approved or published products"
                        + ", " + downloads + " downloads by its staff"));
    }

    private void posts(Actor actor, String province, ReportPeriod period, Map<String, Known> known) {
        Map<String, Optional<Variant>> own = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (LocalDate from = period.firstDay(); !from.isAfter(period.lastDay()); from = from.plusDays(CALENDAR_DAYS_PER_CALL)) {
            LocalDate to = from.plusDays(CALENDAR_DAYS_PER_CALL - 1).isAfter(period.lastDay()) ? period.lastDay()
                    : from.plusDays(CALENDAR_DAYS_PER_CALL - 1);
            for (CalendarView.Day day : schedules.calendar(from, to, null, null).days()) {
                for (JobView job : day.jobs()) {
                    if (job.state() != JobState.DELIVERED) {
                        continue;
                    }
                    Optional<Variant> product = own.computeIfAbsent(job.productId(), id -> ownProduct(actor, id, province));
                    product.map(p -> column(job.channel(), p.product().type())).ifPresent(key -> counts.merge(key, 1L, Long::sum));
                }
            }
        }
        counts.forEach((key, count) -> known.put(key, new Known(count,
                "Lịch phát hành: bài đã đăng của sản phẩm tỉnh / delivered posts of the province's products")));
    }

    /** Where form 03 counts a post: the form names its outlets, so a channel it does not name counts nowhere. */
    private static String column(Channel channel, ProductType type) {
        return switch (channel.id()) {
            case "FACEBOOK", "ZALO" -> ReportDataSets.key(ReportForm.FORM_03, "12");
            case "YOUTUBE" -> ReportDataSets.key(ReportForm.FORM_03, "13");
            case "WEBHOOK", "WORDPRESS" -> ReportDataSets.key(ReportForm.FORM_03, PORTAL_MEDIA.contains(type) ? "18" : "17");
            default -> null;
        };
    }

    private Optional<Variant> ownProduct(Actor actor, String productId, String province) {
        try {
            Variant source = products.readVariant(actor, productId, Variant.SOURCE_LANGUAGE);
            boolean own = source.product().scope() == Scope.LOCAL && province.equals(source.product().province());
            return own ? Optional.of(source) : Optional.empty();
        } catch (NotFoundException | ApiException e) {
            return Optional.empty();
        }
    }
}
