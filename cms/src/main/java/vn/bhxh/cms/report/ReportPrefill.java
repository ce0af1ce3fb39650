package vn.bhxh.cms.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.asset.AssetService;
import vn.bhxh.cms.distribution.TargetService;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.publicpage.VisitStore;
import vn.bhxh.cms.search.SearchService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.job.JobStore;

/**
 * What the system itself knows about a province's period, to start a report with: each value with a note of where it
 * came from (shown next to it; the person filling in the report may change it). Read through the other features'
 * services, with the rights of the person creating the report:
 * <ul>
 * <li>column 15: the province's own products approved or published in the period, by type (and its staff's downloads);
 * <li>columns 12, 13, 17, 18: posts delivered in the period to the province's own channel targets (Fanpage and Zalo OA,
 * YouTube, its portal), counted by one query of the publisher's job store;
 * <li>columns 16 and 16a: the loudspeaker broadcast log;
 * <li>column 20 (visitors): visits of the public pages of the province's products and of links made for the province,
 * QR scans of its print products among them, by source.
 * </ul>
 */
@Component
class ReportPrefill {

    /** Most products one channel's posts are told apart by (portal articles against videos and infographics). */
    static final int MAX_PRODUCTS_PER_CHANNEL = 500;
    private static final List<ProductType> PORTAL_MEDIA = List.of(ProductType.VIDEO, ProductType.INFOGRAPHIC);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final BroadcastStore broadcasts;
    private final SearchService search;
    private final JobStore jobs;
    private final TargetService targets;
    private final ProductService products;
    private final AssetService files;
    private final ReportMessages messages;
    private final VisitStore visits;

    ReportPrefill(BroadcastStore broadcasts, SearchService search, JobStore jobs, TargetService targets, ProductService products,
            AssetService files, ReportMessages messages, VisitStore visits) {
        this.visits = visits;
        this.broadcasts = broadcasts;
        this.search = search;
        this.jobs = jobs;
        this.targets = targets;
        this.products = products;
        this.files = files;
        this.messages = messages;
    }

    record Known(long value, String source) {
    }

    Map<String, Known> known(Actor actor, String province, ReportPeriod period) {
        Map<String, Known> known = new LinkedHashMap<>();
        productsIssued(actor, province, period, known);
        posts(actor, province, period, known);
        visits(province, period, known);
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

    private void visits(String province, ReportPeriod period, Map<String, Known> known) {
        Map<String, Long> bySource = visits.ofProvince(province, period.firstDay(), period.lastDay());
        long total = bySource.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            known.put(ReportDataSets.key(ReportForm.FORM_03, "20"), new Known(total, "Lượt truy cập trang công khai của sản phẩm "
                    + bySource.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ", "(", ")"))
                    + " / visits of the public product pages"));
        }
    }

    private void productsIssued(Actor actor, String province, ReportPeriod period, Map<String, Known> known) {
        List<Variant> issued = search.releasedLocal(actor, province, period.start(), period.end());
        long downloads = files.downloadsOfProvince(province, period.start(), period.end());
        if (issued.isEmpty() && downloads == 0) {
            return;
        }
        Map<ProductType, Long> byType = new TreeMap<>(issued.stream()
                .collect(Collectors.groupingBy(v -> v.product().type(), Collectors.counting())));
        known.put(ReportDataSets.key(ReportForm.FORM_03, "15"), new Known(issued.size(),
                "Kho sản phẩm: sản phẩm của tỉnh đã duyệt/phát hành" + types(byType, VI) + "; cán bộ tỉnh tải " + downloads
                        + " tệp / catalogue: the province's approved or published products" + types(byType, Locale.ENGLISH)
                        + ", " + downloads + " downloads by its staff"));
    }

    /** " (1 file phát thanh, 2 infographic)": the types by the names the pages use, never their codes. */
    private String types(Map<ProductType, Long> byType, Locale locale) {
        if (byType.isEmpty()) {
            return "";
        }
        return byType.entrySet().stream().map(e -> e.getValue() + " " + lowerFirst(messages.text("ui.type." + e.getKey().name(), locale)))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String lowerFirst(String name) {
        boolean acronym = name.length() > 1 && Character.isUpperCase(name.charAt(1));
        return name.isEmpty() || acronym ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private void posts(Actor actor, String province, ReportPeriod period, Map<String, Known> known) {
        List<JobStore.DeliveredPosts> delivered = jobs.deliveredTo(targets.idsOfProvince(province), period.start(), period.end(),
                MAX_PRODUCTS_PER_CHANNEL);
        Map<String, Long> counts = new HashMap<>();
        Map<String, ProductType> typeOf = new HashMap<>();
        Function<String, ProductType> type = id -> typeOf.computeIfAbsent(id, p -> productType(actor, p));
        for (JobStore.DeliveredPosts posts : delivered) {
            // Form 03 names its outlets by the kind of channel (the template a channel is rendered from); one it does
            // not name (the national app feed) counts in no column.
            switch (Channels.find(posts.channel()).map(ChannelDescriptor::templateChannel).orElse("")) {
                case "facebook", "zalo" -> counts.merge(ReportDataSets.key(ReportForm.FORM_03, "12"), posts.posts(), Long::sum);
                case "youtube" -> counts.merge(ReportDataSets.key(ReportForm.FORM_03, "13"), posts.posts(), Long::sum);
                case "portal" -> {
                    long media = posts.perProduct().entrySet().stream().filter(e -> isPortalMedia(type.apply(e.getKey())))
                            .mapToLong(Map.Entry::getValue).sum();
                    counts.merge(ReportDataSets.key(ReportForm.FORM_03, "18"), media, Long::sum);
                    counts.merge(ReportDataSets.key(ReportForm.FORM_03, "17"), posts.posts() - media, Long::sum);
                }
                default -> {
                    // The app feed is national: no column of a province's report counts it.
                }
            }
        }
        counts.forEach((key, count) -> known.put(key, new Known(count,
                "Lịch phát hành: bài đã đăng lên kênh của tỉnh / posts delivered to the province's channels")));
    }

    private static boolean isPortalMedia(ProductType type) {
        return type != null && PORTAL_MEDIA.contains(type);
    }

    /** A product's type, or null when it is gone or the reader may not see it (its posts then count as articles). */
    private ProductType productType(Actor actor, String productId) {
        try {
            return products.readVariant(actor, productId, Variant.SOURCE_LANGUAGE).product().type();
        } catch (NotFoundException | ApiException e) {
            return null;
        }
    }
}
