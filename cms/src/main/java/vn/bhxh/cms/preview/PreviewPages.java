package vn.bhxh.cms.preview;

import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
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
import vn.bhxh.templates.content.HtmlBody;
import vn.bhxh.templates.payload.BroadcastSheet;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.payload.SmsMessage;
import vn.bhxh.templates.payload.ZaloArticle;
import vn.bhxh.templates.render.Preview;
import vn.bhxh.templates.render.PreviewOptions;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.sms.SmsCount;
import vn.bhxh.templates.sms.SmsEncoding;

/**
 * A variant's channel previews as pages: each channel's payload drawn the way that channel shows it (a post, an
 * article, a phone, an SMS bubble, a broadcast sheet), the rules it breaks as sentences beside the part that breaks
 * them, and the raw payload only behind a "technical details" toggle; and the print PDF.
 */
@PageController
@RequestMapping("/products/{id}/variants")
class PreviewPages {

    /** Which payload fields each channel's card shows, so a broken rule sits beside its field; others go on top. */
    private static final Map<String, Set<String>> PLACED = Map.of(
            "portal", Set.of("body"),
            "facebook", Set.of("message", "link"),
            "zalo", Set.of("title", "author", "description", "cover", "body"),
            "youtube", Set.of("title", "description", "videoUrl"),
            "vssid-feed", Set.of("title", "summary", "url"),
            "vssid-push", Set.of("title", "body", "url"),
            "sms", Set.of("text", "unaccentedText"),
            "email", Set.of("subject", "html", "text"),
            "loudspeaker", Set.of("audioUrl", "audioDuration"),
            "print", Set.of("qrUrl", "pdf"));

    private final ProductService products;
    private final ProductPreviews previews;
    private final JsonMapper json;
    private final MessageSource messages;

    PreviewPages(ProductService products, ProductPreviews previews, JsonMapper json, MessageSource messages) {
        this.products = products;
        this.previews = previews;
        this.json = json;
        this.messages = messages;
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
                shown.add(view(preview, locale));
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

    private ChannelPreview view(Preview preview, Locale locale) {
        String channel = preview.channel().id();
        List<Issue> issues = preview.violations().stream().map(v -> new Issue(v.field(), v.severity() == Severity.BLOCKING,
                sentence(channel, v, locale))).toList();
        String verdict = !preview.publishable() ? "blocked" : issues.isEmpty() ? "ok" : "warnings";
        String sms = "";
        String smsUnaccented = "";
        if (preview.payload() instanceof SmsMessage message) {
            sms = smsWords(message.count(), locale);
            smsUnaccented = message.unaccented().map(count -> smsWords(count, locale)).orElse("");
        }
        String duration = preview.payload() instanceof BroadcastSheet sheet
                ? sheet.duration().map(d -> durationWords(d, locale)).orElse("") : "";
        String image = switch (preview.payload()) {
            case vn.bhxh.templates.payload.FacebookPost post -> post.imageUrl();
            case ZaloArticle article -> article.coverPhotoUrl();
            case vn.bhxh.templates.payload.FeedCard card -> card.imageUrl();
            default -> "";
        };
        // The portal's article body as the portal shows it, through the same sanitizer the body went through.
        String articleHtml = preview.payload() instanceof vn.bhxh.templates.payload.PortalArticle article
                ? HtmlBody.of(article.content()).sanitizedHtml() : "";
        List<String> templates = preview.templates().stream().map(t -> t.resolved().slot().path() + " / "
                + t.resolved().languageTag() + (t.isOverride() ? " (v" + t.overrideVersion() + ")" : "")).toList();
        return new ChannelPreview(channel, channelName(preview, locale), preview.languageTag(), preview.payload(), verdict,
                issues, PLACED.getOrDefault(channel, Set.of()), sms, smsUnaccented, duration, sameSite(image), articleHtml,
                technical(preview.payload()), templates);
    }

    private String channelName(Preview preview, Locale locale) {
        return messages.getMessage("ui.previews.channel." + preview.channel().id(), null, preview.channel().vietnameseName(), locale);
    }

    /**
     * The rule as a sentence naming the part in words; the template module's own sentence (which names the payload
     * field by its code) only for a rule this page does not know yet.
     */
    private String sentence(String channel, RuleViolation violation, Locale locale) {
        String fallback = "en".equals(locale.getLanguage()) ? violation.english() : violation.vietnamese();
        String field = messages.getMessage("ui.previews.field." + channel + "." + violation.field(), null, null, locale);
        if (field == null) {
            field = messages.getMessage("ui.previews.field." + violation.field(), null, violation.field(), locale);
        }
        return messages.getMessage("ui.previews.rule." + violation.rule(),
                new Object[] {field, violation.actual(), violation.limit()}, fallback, locale);
    }

    /** "3 tin nhắn, mã hóa Unicode (UCS-2) vì có dấu tiếng Việt; 180 ký tự, tin cuối còn 21 ký tự". */
    private String smsWords(SmsCount count, Locale locale) {
        String encoding;
        if (count.encoding() == SmsEncoding.GSM_7) {
            encoding = messages.getMessage("ui.previews.sms.gsm7", null, locale);
        } else if (hasVietnameseMarks(count.text())) {
            encoding = messages.getMessage("ui.previews.sms.ucs2.accents", null, locale);
        } else {
            encoding = messages.getMessage("ui.previews.sms.ucs2.other", null, locale);
        }
        return messages.getMessage("ui.previews.sms.count", new Object[] {count.segments(), encoding, count.characters(),
                count.unitsLeftInLastSegment()}, locale);
    }

    private static boolean hasVietnameseMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.chars().anyMatch(c -> (c >= 0x300 && c <= 0x36F) || c == 'đ' || c == 'Đ');
    }

    private String durationWords(Duration duration, Locale locale) {
        return messages.getMessage("ui.previews.duration", new Object[] {duration.toMinutes(), duration.toSecondsPart()}, locale);
    }

    /**
     * A file's public address on this same application as a path, so the page's image source stays on its own origin
     * (the page's Content-Security-Policy allows images from 'self' only).
     */
    private static String sameSite(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url);
            return uri.getRawPath() == null ? "" : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The payload as readable JSON for the technical details (the PDF's bytes are linked instead). */
    private String technical(ChannelPayload payload) {
        if (payload instanceof PrintDocument doc) {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("pageSize", doc.pageSize(),
                    "pages", doc.pages(), "headline", String.valueOf(doc.headline()), "qrUrl", String.valueOf(doc.qrUrl())));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
    }

    record ZaloBlock(String kind, String text) {
    }

    /** A broken rule as the page shows it: which part, whether it blocks sending, and the sentence. */
    record Issue(String field, boolean blocking, String sentence) {
    }

    /**
     * One channel's preview for the page.
     *
     * @param verdict "ok" (no rule broken), "warnings" (sendable, with advice) or "blocked"; never "ok" beside a warning
     * @param placed  the fields the channel's card shows; issues on other fields are listed on top of the card
     * @param image   the post's or card's image as a path on this site, or empty
     */
    record ChannelPreview(String channel, String channelName, String lang, ChannelPayload payload, String verdict,
            List<Issue> issues, Set<String> placed, String sms, String smsUnaccented, String duration, String image,
            String articleHtml, String technical, List<String> templates) {

        public List<Issue> at(String field) {
            return issues.stream().filter(issue -> issue.field().equals(field)).toList();
        }

        public List<Issue> elsewhere() {
            return issues.stream().filter(issue -> !placed.contains(issue.field())).toList();
        }

        /** A Zalo article's body blocks in reading order: a paragraph's text, an image's caption, or a video. */
        public List<ZaloBlock> zaloBlocks() {
            if (!(payload instanceof ZaloArticle article)) {
                return List.of();
            }
            return article.body().stream().map(block -> switch (block) {
                case ZaloArticle.Block.Text text -> new ZaloBlock("text", text.content());
                case ZaloArticle.Block.Image image -> new ZaloBlock("image", image.caption() == null ? "" : image.caption());
                case ZaloArticle.Block.Video video -> new ZaloBlock("video", "");
            }).toList();
        }

        public boolean print() {
            return payload instanceof PrintDocument;
        }
    }
}
