package vn.bhxh.cms.publicpage;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import vn.bhxh.cms.asset.VariantMedia;
import vn.bhxh.cms.product.ProductStore;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;
import vn.bhxh.publisher.job.JobStore;

/**
 * The public page behind a short address: the digital version of a released variant that print QR codes, posts and
 * feeds link to. Signed-out, no session, no script; once the variant is on a portal the address sends visitors there.
 * Every visit that finds a released variant is counted by source and province (never who the visitor is).
 */
@Controller
class PublicPageController {

    private static final Logger log = LoggerFactory.getLogger(PublicPageController.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<String> PORTAL_CHANNELS = Set.of("WEBHOOK", "WORDPRESS");
    /** Province codes are short upper-case letters; anything else on a link is not a province. */
    private static final String PROVINCE_CODE = "[A-Z0-9_-]{1,20}";

    private final ShortLinks links;
    private final ProductStore products;
    private final VariantMedia media;
    private final JobStore jobs;
    private final VisitStore visits;
    private final Clock clock;

    PublicPageController(ShortLinks links, ProductStore products, VariantMedia media, JobStore jobs, VisitStore visits, Clock clock) {
        this.links = links;
        this.products = products;
        this.media = media;
        this.jobs = jobs;
        this.visits = visits;
        this.clock = clock;
    }

    @GetMapping(ShortLinks.PATH + "{code}")
    String page(@PathVariable String code, @RequestParam(required = false) String src,
            @RequestParam(name = "utm_source", required = false) String utmSource, @RequestParam(required = false) String tinh,
            WebRequest request, HttpServletResponse response, Model model) {
        Optional<Variant> found = links.find(code).flatMap(link -> products.variant(link.productId(), link.language()))
                .filter(v -> v.state().isReleased());
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setHeader("Cache-Control", "no-store");
            return "publicpage/not-found";
        }
        Variant variant = found.get();
        count(variant, VisitSource.of(src, utmSource), tinh);
        Optional<String> portal = portalUrl(variant);
        if (portal.isPresent()) {
            response.setHeader("Cache-Control", "no-store");
            return "redirect:" + portal.get();
        }
        // Revalidated on every visit (so every visit is counted), answered 304 without a body while unchanged.
        response.setHeader("Cache-Control", "public, no-cache");
        if (request.checkNotModified(etag(variant))) {
            return null;
        }
        model.addAttribute("variant", variant);
        model.addAttribute("content", variant.content());
        model.addAttribute("files", media.of(variant.content().assets()));
        return "publicpage/page";
    }

    /** The newest post of this variant on a portal (a webhook portal or WordPress) that is still up (a removed one is CANCELLED). */
    private Optional<String> portalUrl(Variant variant) {
        return jobs.byProduct(variant.productId()).stream().map(StoredJob::job)
                .filter(job -> job.language().equals(variant.language()) && job.state() == JobState.DELIVERED
                        && PORTAL_CHANNELS.contains(job.channel().id()) && job.remoteUrl() != null)
                .max(Comparator.comparing(PublishJob::updatedAt)).map(PublishJob::remoteUrl);
    }

    private void count(Variant variant, VisitSource source, String tinh) {
        String province = tinh != null && tinh.trim().toUpperCase(Locale.ROOT).matches(PROVINCE_CODE) ? tinh.trim().toUpperCase(Locale.ROOT) : null;
        String productProvince = variant.product().scope() == Scope.NATIONAL ? null : variant.product().province();
        try {
            visits.record(variant.productId(), variant.language(), LocalDate.now(clock.withZone(VIETNAM)), source, province,
                    productProvince);
        } catch (RuntimeException e) {
            // A visitor gets the page even when the count cannot be written.
            log.warn("Visit of {}~{} not counted: {}", variant.productId(), variant.language(), e.getMessage());
        }
    }

    private static String etag(Variant variant) {
        long changed = variant.updatedAt() == null ? 0 : variant.updatedAt().toEpochMilli();
        return "\"" + variant.revision() + "-" + variant.state() + "-" + changed + "\"";
    }
}
