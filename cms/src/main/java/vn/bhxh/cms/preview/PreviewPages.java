package vn.bhxh.cms.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;

/** A variant's channel previews as pages: what each channel will show and which rules it breaks, and the print PDF. */
@PageController
@RequestMapping("/products/{id}/variants")
class PreviewPages {

    private final ProductService products;
    private final ProductPreviews previews;
    private final JsonMapper json;

    PreviewPages(ProductService products, ProductPreviews previews, JsonMapper json) {
        this.products = products;
        this.previews = previews;
        this.json = json;
    }

    @GetMapping("/{language}/previews")
    String previews(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            Model model, Locale locale) {
        Actor actor = user.actor();
        Variant variant = products.readVariant(actor, id, language);
        model.addAttribute("variant", variant);
        List<ChannelPreview> shown = new ArrayList<>();
        if (variant.content().hasTitle()) {
            for (Preview preview : previews.all(actor, id, language, PreviewOptions.DEFAULT)) {
                shown.add(ChannelPreview.of(preview, json, "en".equals(locale.getLanguage())));
            }
        }
        model.addAttribute("previews", shown);
        return "products/previews";
    }

    @GetMapping(value = "/{language}/previews/print.pdf")
    ResponseEntity<byte[]> printPdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + id + "-" + language + ".pdf\"")
                .body(previews.printPdf(user.actor(), id, language));
    }

    /**
     * One channel's preview for the page: the payload as readable JSON (the print PDF is linked instead), the broken
     * rules in the page language, and which templates were used.
     */
    record ChannelPreview(String channel, String channelName, boolean publishable, boolean print, String payload,
            List<String> violations, List<String> templates) {

        static ChannelPreview of(Preview preview, JsonMapper json, boolean english) {
            boolean print = preview.payload() instanceof PrintDocument;
            String payload;
            if (preview.payload() instanceof PrintDocument doc) {
                payload = json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("pageSize", doc.pageSize(),
                        "pages", doc.pages(), "headline", String.valueOf(doc.headline()), "qrUrl", String.valueOf(doc.qrUrl())));
            } else {
                payload = json.writerWithDefaultPrettyPrinter().writeValueAsString(preview.payload());
            }
            return new ChannelPreview(preview.channel().id(), preview.channel().vietnameseName(), preview.publishable(), print,
                    payload, preview.violations().stream().map(v -> english ? v.english() : v.vietnamese()).toList(),
                    preview.templates().stream().map(t -> t.resolved().slot().path() + " / " + t.resolved().languageTag()
                            + (t.isOverride() ? " (v" + t.overrideVersion() + ")" : "")).toList());
        }
    }
}
