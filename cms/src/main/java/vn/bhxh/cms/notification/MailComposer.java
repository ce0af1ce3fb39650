package vn.bhxh.cms.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.bhxh.cms.site.WebFormats;

/**
 * Writes the e-mails, in Vietnamese, as plain text and as HTML with the same content: a greeting, what happened, the
 * comment or reason, a link to the page, and where to change how e-mail arrives.
 */
@Component
class MailComposer {

    static final Locale VI = Locale.forLanguageTag("vi");
    private final MessageSource messages;
    private final NotificationProperties properties;
    // The pages' formats, so a mail shows a time exactly as the page it links to does.
    private final WebFormats formats;

    MailComposer(MessageSource messages, NotificationProperties properties, WebFormats formats) {
        this.messages = messages;
        this.properties = properties;
        this.formats = formats;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    String time(Instant at) {
        return formats.time(at);
    }

    /** One e-mail for one person, both bodies. */
    OutgoingMail mail(String id, Recipient recipient, String address, MailMessage message, boolean digest, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append(text("mail.greeting", recipient.name())).append("\n\n").append(message.line()).append("\n");
        if (message.comment() != null) {
            text.append(message.commentLabel()).append(": ").append(message.comment()).append("\n");
        }
        text.append("\n").append(text("mail.open", message.link())).append("\n\n-- \n").append(footer());
        StringBuilder html = new StringBuilder(head());
        html.append("<p>").append(esc(text("mail.greeting", recipient.name()))).append("</p>\n<p>").append(esc(message.line()))
                .append("</p>\n");
        if (message.comment() != null) {
            html.append("<blockquote><strong>").append(esc(message.commentLabel())).append(":</strong> ")
                    .append(esc(message.comment())).append("</blockquote>\n");
        }
        html.append("<p><a href=\"").append(esc(message.link())).append("\">").append(esc(text("mail.open.button")))
                .append("</a></p>\n").append(foot());
        return new OutgoingMail(id, recipient.username(), address, message.subject(), text.toString(), html.toString(),
                message.line() + (message.comment() == null ? "" : " " + message.commentLabel() + ": " + message.comment()),
                message.link(), digest, MailState.PENDING, 0, now, now, null, null, null);
    }

    /** The day's digest for one person: every waiting line with its link. */
    OutgoingMail digest(String id, Recipient recipient, String address, LocalDate day, List<OutgoingMail> items, Instant now) {
        String subject = text("mail.digest.subject", formats.date(day), items.size());
        StringBuilder text = new StringBuilder(text("mail.greeting", recipient.name())).append("\n\n")
                .append(text("mail.digest.intro")).append("\n\n");
        StringBuilder html = new StringBuilder(head()).append("<p>").append(esc(text("mail.greeting", recipient.name())))
                .append("</p>\n<p>").append(esc(text("mail.digest.intro"))).append("</p>\n<ul>\n");
        for (OutgoingMail item : items) {
            text.append("- ").append(item.line()).append("\n  ").append(item.link()).append("\n");
            html.append("<li>").append(esc(item.line())).append(" <a href=\"").append(esc(item.link())).append("\">")
                    .append(esc(text("mail.open.button"))).append("</a></li>\n");
        }
        text.append("\n-- \n").append(footer());
        html.append("</ul>\n").append(foot());
        return new OutgoingMail(id, recipient.username(), address, subject, text.toString(), html.toString(), null,
                properties.link("/"), false, MailState.PENDING, 0, now, now, null, null, null);
    }

    private String footer() {
        return text("mail.footer", properties.link("/profile"));
    }

    private static String head() {
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"></head>\n"
                + "<body style=\"font-family: Arial, sans-serif; line-height: 1.5\">\n";
    }

    private String foot() {
        return "<hr><p style=\"color:#555;font-size:small\">" + esc(text("mail.footer.html")) + " <a href=\""
                + esc(properties.link("/profile")) + "\">" + esc(text("mail.footer.profile")) + "</a></p>\n</body></html>\n";
    }

    static String esc(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }
}
