package vn.bhxh.templates.payload;

import java.util.Optional;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.sms.SmsCount;

/**
 * An SMS in its accented form (what is sent by default) and, only when the editor asked for it, the
 * unaccented GSM-7 version with its own count.
 */
public record SmsMessage(SmsCount count, Optional<SmsCount> unaccented) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.SMS;
    }

    /** The NFC text to send. */
    public String text() {
        return count.text();
    }
}
