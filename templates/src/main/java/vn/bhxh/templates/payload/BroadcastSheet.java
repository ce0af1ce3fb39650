package vn.bhxh.templates.payload;

import java.time.Duration;
import java.util.Optional;
import vn.bhxh.templates.channel.TemplateChannel;

/**
 * What a commune loudspeaker operator needs: which file to play, how long it lasts, in which language,
 * and the printable sheet text.
 */
public record BroadcastSheet(String title, String languageTag, String languageName, String audioUrl,
                             Optional<Duration> duration, String sheet) implements ChannelPayload {

    @Override
    public TemplateChannel channel() {
        return TemplateChannel.LOUDSPEAKER;
    }
}
