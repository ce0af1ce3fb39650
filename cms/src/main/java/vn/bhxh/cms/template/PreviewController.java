package vn.bhxh.cms.template;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;

/** What a variant will look like on each channel, and which channel rules it breaks, before anything is scheduled. */
@RestController
@RequestMapping("/api/v1/products/{id}/variants/{language}/previews")
class PreviewController {

    private final ProductPreviews previews;

    PreviewController(ProductPreviews previews) {
        this.previews = previews;
    }

    @GetMapping
    List<PreviewView> all(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @RequestParam(defaultValue = "false") boolean unaccentedSms) {
        return previews.all(user.actor(), id, language, new PreviewOptions(unaccentedSms)).stream()
                .map(p -> PreviewView.of(p, id, language)).toList();
    }

    @GetMapping("/{channel}")
    PreviewView one(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id, @PathVariable String language,
            @PathVariable String channel, @RequestParam(defaultValue = "false") boolean unaccentedSms) {
        return PreviewView.of(previews.one(user.actor(), id, language, channel, new PreviewOptions(unaccentedSms)),
                id, language);
    }

    /** A preview as JSON: the print PDF's bytes are served from their own URL instead of inside the JSON. */
    record PreviewView(String channel, String languageTag, boolean publishable, Object payload,
            List<vn.bhxh.templates.rules.RuleViolation> violations, List<vn.bhxh.templates.template.ResolvedTemplate> templates) {

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
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"" + id + "-" + language + ".pdf\"")
                .body(previews.printPdf(user.actor(), id, language));
    }
}
