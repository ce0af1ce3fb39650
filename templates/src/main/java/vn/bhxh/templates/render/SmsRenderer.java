package vn.bhxh.templates.render;

import java.util.Optional;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.payload.SmsMessage;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.sms.Gsm7Transliterator;
import vn.bhxh.templates.sms.SmsCount;
import vn.bhxh.templates.sms.SmsSegmentCounter;

final class SmsRenderer implements ChannelRenderer {

    private final SmsSegmentCounter counter = new SmsSegmentCounter();
    private final Gsm7Transliterator transliterator = new Gsm7Transliterator();

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.SMS;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String text = texts.render(TemplateSlot.SMS_TEXT);
        SmsCount count = counter.count(text);
        rules.required("text", text).linksInTextTracked("text", text, PublicHost.of(texts.input()));
        tooManySegments("text", count, rules);
        Optional<SmsCount> unaccented = Optional.empty();
        if (options.unaccentedSms()) {
            String gsm = transliterator.toGsm7(count.text());
            unaccented = Optional.of(counter.count(gsm));
            tooManySegments("unaccentedText", unaccented.get(), rules);
            if (questionMarks(gsm) > questionMarks(count.text())) {
                rules.add(new RuleViolation("sms-characters-lost", "unaccentedText", Severity.WARNING, -1, -1,
                        "Bản không dấu mất ký tự không viết được bằng chữ Latinh (thay bằng ?)",
                        "The unaccented version loses characters that have no Latin form (replaced by ?)"));
            }
        }
        return new SmsMessage(count, unaccented);
    }

    private static void tooManySegments(String field, SmsCount count, Rules rules) {
        if (count.segments() > ChannelLimits.SMS_SEGMENTS) {
            rules.add(new RuleViolation("sms-segments", field, Severity.WARNING, count.segments(), ChannelLimits.SMS_SEGMENTS,
                    "Tin nhắn cần " + count.segments() + " tin (" + count.encoding().label() + "), nên tối đa " + ChannelLimits.SMS_SEGMENTS,
                    "The SMS needs " + count.segments() + " segments (" + count.encoding().label() + "), at most "
                            + ChannelLimits.SMS_SEGMENTS + " advised"));
        }
    }

    private static long questionMarks(String text) {
        return text.chars().filter(c -> c == '?').count();
    }
}
