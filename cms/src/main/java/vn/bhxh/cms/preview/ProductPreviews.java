package vn.bhxh.cms.preview;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.render.ProductRenderer;

/** What a variant the actor may read looks like on each channel, for the pages (the API's PreviewController does the same). */
@Service
public class ProductPreviews {

    private final ProductService products;
    private final ProductRenderer renderer;
    private final VariantRenderInputs inputs;

    ProductPreviews(ProductService products, ProductRenderer renderer, VariantRenderInputs inputs) {
        this.products = products;
        this.renderer = renderer;
        this.inputs = inputs;
    }

    public List<Preview> all(Actor actor, String id, String language, PreviewOptions options) {
        return renderer.previewAll(input(actor, id, language), options);
    }

    public Preview one(Actor actor, String id, String language, String channel, PreviewOptions options) {
        return renderer.preview(input(actor, id, language), channel(channel), options);
    }

    /** The print-ready PDF. */
    public byte[] printPdf(Actor actor, String id, String language) {
        Preview preview = renderer.preview(input(actor, id, language), TemplateChannel.PRINT, PreviewOptions.DEFAULT);
        return ((PrintDocument) preview.payload()).pdf();
    }

    /** The same input the API's previews and the scheduler use (files linked by their public addresses). */
    private RenderInput input(Actor actor, String id, String language) {
        return inputs.of(products.readVariant(actor, id, language));
    }

    private static TemplateChannel channel(String id) {
        try {
            return TemplateChannel.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("channel", id);
        }
    }
}
