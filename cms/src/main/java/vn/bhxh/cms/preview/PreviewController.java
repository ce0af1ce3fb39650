package vn.bhxh.cms.preview;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.content.RenderInput;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.render.ProductRenderer;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.template.ResolvedTemplate;

/** What a variant will look like on each channel, and which channel rules it breaks, before anything is scheduled. */
@RestController
@RequestMapping("/api/v1/products/{id}/variants/{language}/previews")
class PreviewController {

    private final ProductService products;
    private final ProductRenderer renderer;
    private final VariantRenderInputs inputs;

    PreviewController(ProductService products, ProductRenderer renderer, VariantRenderInputs inputs) {
        this.products = products;
        this.renderer = renderer;
        this.inputs = inputs;
    }

    @GetMapping
    List<PreviewView> all(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam(defaultValue = "false") boolean unaccentedSms) {
        return renderer.previewAll(input(user, id, language), new PreviewOptions(unaccentedSms)).stream()
                .map(p -> PreviewView.of(p, id, language)).toList();
    }

    @GetMapping("/{channel}")
    PreviewView one(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @PathVariable String channel, @RequestParam(defaultValue = "false") boolean unaccentedSms) {
        return PreviewView.of(renderer.preview(input(user, id, language), channel(channel), new PreviewOptions(unaccentedSms)),
                id, language);
    }

    /** A preview as JSON: the print PDF's bytes are served from their own URL instead of inside the JSON. */
    record PreviewView(String channel, String languageTag, boolean publishable, Object payload,
            List<RuleViolation> violations, List<ResolvedTemplate> templates) {

        static PreviewView of(Preview preview, String id, String language) {
            Object payload = preview.payload() instanceof PrintDocument print
                    ? new PrintView("/api/v1/products/" + id + "/variants/" + language + "/previews/print/pdf", print.qrUrl(),
                            print.pageSize(), print.pages(), print.headline(), print.text(), print.footer())
                    : preview.payload();
            return new PreviewView(preview.channel().id(), preview.languageTag(), preview.publishable(), payload,
                    preview.violations(), preview.templates());
        }
    }

    record PrintView(String pdfUrl, String qrUrl, String pageSize, int pages, String headline, String text, String footer) {
    }

    /** The print-ready PDF itself (its preview JSON carries everything else). */
    @GetMapping(value = "/print/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> printPdf(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @PathVariable String language) {
        Preview preview = renderer.preview(input(user, id, language), TemplateChannel.PRINT, PreviewOptions.DEFAULT);
        PrintDocument print = (PrintDocument) preview.payload();
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"" + id + "-" + language + ".pdf\"")
                .body(print.pdf());
    }

    private RenderInput input(AccountPrincipal user, String id, String language) {
        return inputs.of(products.readVariant(user.actor(), id, language));
    }

    private static TemplateChannel channel(String id) {
        try {
            return TemplateChannel.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("channel", id);
        }
    }
}
