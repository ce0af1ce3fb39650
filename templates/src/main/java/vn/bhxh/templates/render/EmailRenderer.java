package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.EmailMessage;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;

final class EmailRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.EMAIL;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        // A line break in a subject would start a new mail header.
        String subject = texts.render(TemplateSlot.EMAIL_SUBJECT).replaceAll("[\\r\\n]+", " ");
        String html = texts.render(TemplateSlot.EMAIL_HTML);
        String text = texts.render(TemplateSlot.EMAIL_TEXT);
        String host = PublicHost.of(texts.input());
        rules.required("subject", subject)
                .maxCharacters("subject", subject, ChannelLimits.EMAIL_SUBJECT, Severity.WARNING)
                .linksInHtmlTracked("html", html, host)
                .linksInTextTracked("text", text, host);
        return new EmailMessage(subject, html, text);
    }
}
