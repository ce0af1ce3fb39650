package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.TemplateChannel;

/** An e-mail: subject, HTML part and plain-text part. */
public record EmailMessage(String subject, String html, String text) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.EMAIL;
    }
}
