package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.Channel;

/** An e-mail: subject, HTML part and plain-text part. */
public record EmailMessage(String subject, String html, String text) implements ChannelPayload {

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }
}
