package vn.bhxh.templates.render;

import java.time.Duration;
import java.util.Optional;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.channel.TemplateSlot;
import vn.bhxh.templates.payload.BroadcastSheet;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.rules.ChannelLimits;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Rules;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.TemplateField;

final class LoudspeakerRenderer implements ChannelRenderer {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.LOUDSPEAKER;
    }

    @Override
    public ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules) {
        String sheet = texts.render(TemplateSlot.LOUDSPEAKER_SHEET);
        String audio = texts.value(TemplateField.AUDIO_URL);
        Optional<Duration> duration = Optional.ofNullable(texts.input().audioDuration());
        rules.required("audioUrl", audio);
        duration.ifPresentOrElse(d -> checkLength(d, rules), () -> rules.add(new RuleViolation("duration-unknown",
                "audioDuration", Severity.WARNING, -1, -1,
                "Chưa biết thời lượng tệp âm thanh", "The audio file's duration is unknown")));
        return new BroadcastSheet(texts.value(TemplateField.TITLE), texts.input().languageTag(),
                texts.value(TemplateField.LANGUAGE_NAME), audio, duration, sheet);
    }

    private static void checkLength(Duration duration, Rules rules) {
        long seconds = duration.toSeconds();
        if (seconds < ChannelLimits.LOUDSPEAKER_MIN_SECONDS || seconds > ChannelLimits.LOUDSPEAKER_MAX_SECONDS) {
            int limit = (int) (seconds < ChannelLimits.LOUDSPEAKER_MIN_SECONDS
                    ? ChannelLimits.LOUDSPEAKER_MIN_SECONDS : ChannelLimits.LOUDSPEAKER_MAX_SECONDS);
            rules.add(new RuleViolation("broadcast-length", "audioDuration", Severity.WARNING, (int) seconds, limit,
                    "Tệp phát thanh dài " + seconds + " giây; kế hoạch yêu cầu 3–5 phút",
                    "The radio file lasts " + seconds + " s; the plan asks for 3–5 minutes"));
        }
    }
}
