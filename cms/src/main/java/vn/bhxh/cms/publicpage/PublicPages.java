package vn.bhxh.cms.publicpage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.asset.VariantMedia;
import vn.bhxh.cms.asset.VariantMedia.MediaFile;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductStore;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.WebFormats;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;
import vn.bhxh.publisher.job.JobState;
import vn.bhxh.publisher.job.JobStore;
import vn.bhxh.publisher.job.PublishJob;
import vn.bhxh.publisher.job.StoredJob;

/**
 * What the public pages show and count: the released variant behind a short code, its files, its post on a portal,
 * and its visits (by source, day and province, never who the visitor is).
 */
@Service
class PublicPages {

    private static final Logger log = LoggerFactory.getLogger(PublicPages.class);
    /** Province codes are short upper-case letters; anything else on a link is not a province. */
    private static final String PROVINCE_CODE = "[A-Z0-9_-]{1,20}";

    private final ShortLinks links;
    private final ProductStore variants;
    private final ProductService products;
    private final VariantMedia media;
    private final JobStore jobs;
    private final VisitStore visits;
    private final Clock clock;

    PublicPages(ShortLinks links, ProductStore variants, ProductService products, VariantMedia media, JobStore jobs,
            VisitStore visits, Clock clock) {
        this.links = links;
        this.variants = variants;
        this.products = products;
        this.media = media;
        this.jobs = jobs;
        this.visits = visits;
        this.clock = clock;
    }

    /** The variant behind the code if it is released (approved or published); drafts and withdrawn ones are not public. */
    Optional<Variant> released(String code) {
        return links.find(code).flatMap(link -> variants.variant(link.productId(), link.language())).filter(v -> v.state().isReleased());
    }

    /** The variant's files anyone may fetch (a file that failed inspection stays behind the login). */
    List<MediaFile> files(Variant variant) {
        return media.of(variant.content().assets()).stream().filter(media::isPublic).toList();
    }

    /** The newest post of this variant on a portal (a webhook portal or WordPress) that is still up (a removed one is CANCELLED). */
    Optional<String> portalUrl(Variant variant) {
        return jobs.byProduct(variant.productId()).stream().map(StoredJob::job)
                .filter(job -> job.language().equals(variant.language()) && job.state() == JobState.DELIVERED
                        && isPortal(job) && job.remoteUrl() != null)
                .max(Comparator.comparing(PublishJob::updatedAt)).map(PublishJob::remoteUrl);
    }

    /** A post on a portal: its channel is rendered from the portal template (a webhook portal, WordPress, …). */
    private static boolean isPortal(PublishJob job) {
        return Channels.find(job.channel()).map(ChannelDescriptor::templateChannel).filter("portal"::equals).isPresent();
    }

    void count(Variant variant, VisitSource source, String tinh) {
        String province = tinh != null && tinh.trim().toUpperCase(Locale.ROOT).matches(PROVINCE_CODE)
                ? tinh.trim().toUpperCase(Locale.ROOT) : null;
        String productProvince = variant.product().scope() == Scope.NATIONAL ? null : variant.product().province();
        try {
            visits.record(variant.productId(), variant.language(), LocalDate.now(clock.withZone(WebFormats.VIETNAM)), source, province,
                    productProvince);
        } catch (RuntimeException e) {
            // A visitor gets the page even when the count cannot be written.
            log.warn("Visit of {}~{} not counted: {}", variant.productId(), variant.language(), e.getMessage());
        }
    }

    /** A product's visits, for whoever may read the product. */
    List<VisitCount> visits(Actor actor, String productId, LocalDate from, LocalDate to) {
        products.readProduct(actor, productId);
        return visits.counts(productId, from, to);
    }
}
