package vn.bhxh.cms.template;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.templates.channel.Channel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.render.ProductRenderer;

/** What a variant the actor may read looks like on each channel (for the API's previews and the pages). */
@Service
public class ProductPreviews {

    private final ProductService products;
    private final ProductRenderer renderer;
    private final PublicSiteProperties site;

    ProductPreviews(ProductService products, ProductRenderer renderer, PublicSiteProperties site) {
        this.products = products;
        this.renderer = renderer;
        this.site = site;
    }

    public List<Preview> all(Actor actor, String id, String language, PreviewOptions options) {
        return renderer.previewAll(input(actor, id, language), options);
    }

    public Preview one(Actor actor, String id, String language, String channel, PreviewOptions options) {
        return renderer.preview(input(actor, id, language), channel(channel), options);
    }

    /** The print-ready PDF. */
    public byte[] printPdf(Actor actor, String id, String language) {
        Preview preview = renderer.preview(input(actor, id, language), Channel.PRINT, PreviewOptions.DEFAULT);
        return ((PrintDocument) preview.payload()).pdf();
    }

    private RenderInput input(Actor actor, String id, String language) {
        Variant variant = products.readVariant(actor, id, language);
        if (!variant.content().hasTitle()) {
            throw new ConflictException("empty-variant", language);
        }
        String summary = variant.content().summary();
        return RenderInput.builder()
                .productId(id)
                .productType(variant.product().type().name())
                .languageTag(language)
                .title(variant.content().title())
                .summary(summary)
                .bodyHtml(variant.content().body())
                .message(summary == null || summary.isBlank() ? variant.content().title() : summary)
                .publicUrl(site.productPage(id, language))
                .campaignCode(variant.product().campaign())
                .author(variant.product().ownerUnit())
                .build();
    }

    private static Channel channel(String id) {
        try {
            return Channel.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("channel", id);
        }
    }
}
