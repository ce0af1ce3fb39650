package vn.bhxh.cms.preview;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.asset.PublicMediaUrls;
import vn.bhxh.cms.asset.VariantMedia;
import vn.bhxh.cms.asset.VariantMedia.MediaFile;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.publicpage.ShortLinks;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.templates.content.RenderInput;

/**
 * A variant as the templates see it, for previews and for what is scheduled: the same input both times, so what
 * an editor previews is what goes out. Files are linked by their public addresses, the product by its short public
 * page ({@code /p/<code>}), which print QR codes, posts and feeds point to.
 */
@Component
public class VariantRenderInputs {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ShortLinks links;
    private final VariantMedia media;
    private final PublicMediaUrls urls;
    private final ReferenceLists reference;

    VariantRenderInputs(ShortLinks links, VariantMedia media, PublicMediaUrls urls, ReferenceLists reference) {
        this.links = links;
        this.media = media;
        this.urls = urls;
        this.reference = reference;
    }

    public RenderInput of(Variant variant) {
        return of(variant, media.of(variant.content().assets()));
    }

    /** The same, with the variant's files already looked up. */
    public RenderInput of(Variant variant, List<MediaFile> files) {
        if (!variant.content().hasTitle()) {
            throw new ConflictException("empty-variant", variant.language());
        }
        String summary = variant.content().summary();
        RenderInput.Builder input = RenderInput.builder()
                .productId(variant.productId())
                .productType(variant.product().type().name())
                .languageTag(variant.language())
                .title(variant.content().title())
                .summary(summary)
                .bodyHtml(variant.content().body())
                .message(summary == null || summary.isBlank() ? variant.content().title() : summary)
                .publicUrl(links.url(variant.productId(), variant.language()))
                .campaignCode(variant.product().campaign())
                .author(unitName(variant.product().ownerUnit()));
        files.stream().filter(f -> f.is("image")).findFirst().ifPresent(f -> input.imageUrl(url(f)));
        files.stream().filter(f -> f.is("audio")).findFirst().ifPresent(f -> input.audio(url(f), duration(f)));
        files.stream().filter(f -> f.is("video")).findFirst().ifPresent(f -> input.video(url(f), duration(f)));
        return input.build();
    }

    /** Readers see the unit's name ("Ban Tuyên truyền…"), never its code; an unknown code stays as it is. */
    private String unitName(String code) {
        return code == null ? null : reference.names(ReferenceKind.UNITS, VIETNAMESE).getOrDefault(code, code);
    }

    public String url(MediaFile file) {
        return urls.of(file);
    }

    private static Duration duration(MediaFile file) {
        return file.durationSeconds() == null ? null : Duration.ofMillis(Math.round(file.durationSeconds() * 1000));
    }
}
