package vn.bhxh.templates.render;

import java.time.Instant;
import vn.bhxh.templates.payload.BroadcastSheet;
import vn.bhxh.templates.payload.EmailMessage;
import vn.bhxh.templates.payload.FacebookPost;
import vn.bhxh.templates.payload.FeedCard;
import vn.bhxh.templates.payload.PortalArticle;
import vn.bhxh.templates.payload.PrintDocument;
import vn.bhxh.templates.payload.PushNotification;
import vn.bhxh.templates.payload.SmsMessage;
import vn.bhxh.templates.payload.YoutubeVideo;
import vn.bhxh.templates.payload.ZaloArticle;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.template.ResolvedTemplate;

/** A readable, exact text form of a preview for golden files: payloads exactly as sent, then the violations. */
final class PreviewDump {

    static final Instant FEED_UPDATED = Instant.parse("2026-05-10T00:00:00Z");

    private PreviewDump() {
    }

    static String of(Preview preview) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(preview.channel().id()).append(" · ").append(preview.languageTag()).append('\n');
        for (ResolvedTemplate template : preview.templates()) {
            out.append("-- template ").append(template.resolved().id())
                    .append(template.isOverride() ? " (override v" + template.overrideVersion() + ")" : " (default)").append('\n');
        }
        out.append("-- payload\n");
        switch (preview.payload()) {
            case PortalArticle article -> out.append("title: ").append(article.title()).append('\n').append(article.html())
                    .append("\ncontent (WordPress):\n").append(article.content());
            case FacebookPost post -> out.append("message:\n").append(post.message()).append("\nlink: ").append(post.link())
                    .append("\nimage: ").append(post.imageUrl()).append("\ngraph: ").append(post.graphParameters().keySet());
            case ZaloArticle article -> out.append(article.toJson());
            case YoutubeVideo video -> out.append("title: ").append(video.title()).append("\ndescription:\n")
                    .append(video.description()).append("\nsnippet: ").append(video.toSnippetJson());
            case FeedCard card -> out.append("json-feed item: ").append(card.toJsonFeedItem())
                    .append("\natom entry: ").append(card.toAtomEntry(FEED_UPDATED));
            case PushNotification push -> out.append(push.toJson());
            case SmsMessage sms -> {
                out.append(sms.text()).append("\ncount: ").append(sms.count().describeVietnamese());
                sms.unaccented().ifPresent(u -> out.append("\nunaccented: ").append(u.text())
                        .append("\nunaccented count: ").append(u.describeVietnamese()));
            }
            case EmailMessage email -> out.append("subject: ").append(email.subject()).append("\n-- html\n")
                    .append(email.html()).append("\n-- text\n").append(email.text());
            case BroadcastSheet sheet -> out.append(sheet.sheet()).append("\n-- play: ").append(sheet.audioUrl())
                    .append(" · ").append(sheet.duration().map(d -> d.toSeconds() + " s").orElse("?"))
                    .append(" · ").append(sheet.languageTag());
            case PrintDocument print -> {
                // Line breaks depend on the installed font version's metrics, so the read-back is compared without them.
                String laidOut = print.footer() + print.headline() + print.text();
                boolean readsBack = PdfText.withoutWhitespace(PdfText.extract(print.pdf())).equals(PdfText.withoutWhitespace(laidOut));
                out.append("page size: ").append(print.pageSize()).append(", pages: ").append(print.pages())
                        .append("\nqr: ").append(print.qrUrl())
                        .append("\nheadline: ").append(print.headline()).append("\n-- text\n").append(print.text())
                        .append("\n-- footer\n").append(print.footer())
                        .append("\n-- text read back from the PDF equals the text laid out (ignoring line breaks): ").append(readsBack);
            }
        }
        out.append("\n-- violations\n");
        for (RuleViolation violation : preview.violations()) {
            out.append(violation.severity()).append(' ').append(violation.rule()).append(' ').append(violation.field())
                    .append(": ").append(violation.vietnamese()).append('\n');
        }
        return out.toString();
    }
}
