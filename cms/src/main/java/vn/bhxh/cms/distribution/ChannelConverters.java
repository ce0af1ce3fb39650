package vn.bhxh.cms.distribution;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import vn.bhxh.publisher.job.Channel;

/** A channel in a stored target is its id: written as the keyword, read back as the value. */
final class ChannelConverters {

    private ChannelConverters() {
    }

    @WritingConverter
    enum Writing implements Converter<Channel, String> {
        INSTANCE;

        @Override
        public String convert(Channel channel) {
            return channel.id();
        }
    }

    @ReadingConverter
    enum Reading implements Converter<String, Channel> {
        INSTANCE;

        @Override
        public Channel convert(String id) {
            return new Channel(id);
        }
    }
}
